package org.relais.programme;

/** What a programme item is. */
public enum SessionKind {
    WORKSHOP, VISIT, TALK, CONCERT, BROADCAST, MEETING
}
