package org.relais.venue;

/** What a space of the venue is. */
public enum SpaceKind {
    HALL, ROOM, AUDITORIUM, STUDIO, OUTDOOR
}
