package org.relais.badge;

/** What a badge's band says its holder is at the forum, in the band's colour. */
public enum BadgeRole {
    RELAY(0x1F5FA8),
    STAFF(0x2E7D32),
    ORGANISER(0xB71C1C),
    GUEST(0x6A1B9A),
    PRESS(0xE65100);

    public final int colour;

    BadgeRole(int colour) {
        this.colour = colour;
    }

    /** The roles entered by hand on the organiser's badge page (relays register themselves). */
    public static final java.util.List<BadgeRole> HOLDER_ROLES = java.util.List.of(STAFF, ORGANISER, GUEST, PRESS);

    public String messageKey() {
        return "BadgeRole_" + name();
    }
}
