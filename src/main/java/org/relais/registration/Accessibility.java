package org.relais.registration;

/** The accessibility needs a relay can tick; anything else goes in free text. */
public enum Accessibility {
    WHEELCHAIR, HEARING_LOOP, SIGN_LANGUAGE, EASY_READ
}
