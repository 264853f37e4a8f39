package vn.situationroom.alerts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The police map's sound switch: a new CRITICAL alert beeps once the officer switched sound on (browsers play sound
 * only after a click on the page). The choice stays on across the screens of one tab.
 */
final class SoundSwitch extends Button {

    private static final String BEEP = """
            if (window.__srSound && window.__srAudio) {
              const ctx = window.__srAudio;
              [0, 0.35, 0.7].forEach(t => {
                const tone = ctx.createOscillator();
                const gain = ctx.createGain();
                tone.frequency.value = 880;
                gain.gain.value = 0.25;
                tone.connect(gain);
                gain.connect(ctx.destination);
                tone.start(ctx.currentTime + t);
                tone.stop(ctx.currentTime + t + 0.2);
              });
              window.__srBeeps = (window.__srBeeps || 0) + 1;
            }""";

    SoundSwitch() {
        show(false);
        addClassName("police-sound");
        addClickListener(click -> {
            boolean on = !"true".equals(getElement().getAttribute("data-on"));
            show(on);
            // Created in the click itself: browsers let a page play sound only after the user acted on it.
            getElement().executeJs("""
                    window.__srAudio = window.__srAudio || new (window.AudioContext || window.webkitAudioContext)();
                    window.__srAudio.resume();
                    window.__srSound = $0;""", on);
        });
    }

    /** Shows the tab's choice when the screen opens. */
    void restore() {
        getElement().executeJs("return window.__srSound === true;").then(Boolean.class, on -> {
            if (Boolean.TRUE.equals(on)) {
                show(true);
            }
        });
    }

    /** Beeps, where the officer switched sound on. */
    void beep() {
        getElement().executeJs(BEEP);
    }

    private void show(boolean on) {
        getElement().setAttribute("data-on", String.valueOf(on));
        setText(getTranslation(on ? "police.sound.on" : "police.sound.off"));
        setIcon((on ? VaadinIcon.BELL : VaadinIcon.BELL_SLASH).create());
    }
}
