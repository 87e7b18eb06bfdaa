package org.relais.web;

/**
 * A request that clashes with the state of things (already exists, not allowed now): 409. Its problem's type says
 * which kind of clash, so that a program tells "already registered" from "the forum is full" without reading words
 * in French or English: {@code tag:relais,2026:} and the kind, named after the words' key ({@code
 * conflict_edition_full} is {@code edition-full}). docs/api.md lists them.
 */
public class ConflictException extends RuntimeException {

    /** The kind of a refusal because the forum is over, whichever words say it (held, or closed before its day). */
    static final String FORUM_OVER = "forum-over";

    private final String key;
    /** The kind when it is not named after the key; null where it is. */
    private final String kind;
    private final transient Object[] args;

    public ConflictException(String key, Object... args) {
        this(args, key, null);
    }

    private ConflictException(Object[] args, String key, String kind) {
        super(key);
        this.key = key;
        this.kind = kind;
        this.args = args;
    }

    /** A refusal because the forum is over, in the words of {@code key}: one kind for every change it refuses. */
    public static ConflictException forumOver(String key, Object... args) {
        return new ConflictException(args, key, FORUM_OVER);
    }

    public String localizedMessage() {
        return Messages.get(key, args);
    }

    /** Read only when the clash is answered: a refusal caught and decided otherwise never names its kind. */
    public String type() {
        return Problem.TYPES + (kind != null ? kind : key.replaceFirst("^(conflict|error)_", "").replace('_', '-'));
    }
}
