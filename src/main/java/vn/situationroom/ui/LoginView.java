package vn.situationroom.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import vn.situationroom.region.Region;

/**
 * The sign-in page: Vaadin's login form posting to Spring Security. It says why it is shown when it is not the first
 * visit: a wrong password, too many attempts, a session ended by an administrator, a wall screen's address no longer
 * valid.
 */
@AnonymousAllowed
@Route(value = "login", autoLayout = false)
public class LoginView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Div notice = new Div();

    public LoginView(Region region) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        notice.addClassName("login-notice");
        notice.setVisible(false);
        Div hint = new Div(getTranslation("login.forgot.hint"));
        hint.addClassName("login-hint");
        add(new H1(getTranslation("shell.title", region.name())), notice, form, hint);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        for (String reason : List.of("blocked", "ended", "kiosk")) {
            if (parameters.containsKey(reason)) {
                notice.setText(getTranslation("login.notice." + reason));
                notice.setVisible(true);
            }
        }
    }
}
