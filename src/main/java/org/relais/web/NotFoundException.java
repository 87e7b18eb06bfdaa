package org.relais.web;

/** The object asked for does not exist, or not in the edition named by the address. */
public class NotFoundException extends RuntimeException {

    private final String what;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
