package vn.situationroom.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What an officer sees on a screen their roles do not open, or one that does not exist: the router tells the two
 * apart for nobody, so that the list of screens stays private; a link leads back to the first page.
 */
@AnonymousAllowed
public class NoAccessView extends Div implements HasErrorParameter<NotFoundException> {

    public NoAccessView() {
        addClassName("no-access-view");
        Anchor home = new Anchor("", getTranslation("no-access.home"));
        add(new H2(getTranslation("no-access.title")), new Div(getTranslation("no-access.detail")), home);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
