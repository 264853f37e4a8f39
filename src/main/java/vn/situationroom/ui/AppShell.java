package vn.situationroom.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell of every view: Lumo, the map library's styles, our own styles, and server push, so that every
 * change of a commune's state reaches open screens without a reload.
 */
@Push
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://webjars/leaflet/dist/leaflet.css")
@StyleSheet("context://sr/situation-room.css")
public class AppShell implements AppShellConfigurator {}
