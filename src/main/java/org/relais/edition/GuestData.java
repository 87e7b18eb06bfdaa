package org.relais.edition;

/** An invited guest as the API reads and writes it. */
public record GuestData(Long id, String name, String kind, String description) {

    public static GuestData of(Guest g) {
        return new GuestData(g.id, g.name, g.kind, g.description);
    }
}
