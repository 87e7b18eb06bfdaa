package org.relais.web;

/** A request that clashes with the state of things (already exists, not allowed now): 409. */
public class ConflictException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public ConflictException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    public String localizedMessage() {
        return Messages.get(key, args);
    }
}
