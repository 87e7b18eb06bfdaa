package org.relais.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;

/** The language chosen for the current request by {@link LocaleFilter}. */
@RequestScoped
public class CurrentLocale {

    private Locale locale = Messages.FRENCH;
    private boolean chosenNow;

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    void set(Locale locale, boolean chosenNow) {
        this.locale = locale;
        this.chosenNow = chosenNow;
    }

    boolean chosenNow() {
        return chosenNow;
    }
}
