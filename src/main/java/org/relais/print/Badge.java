package org.relais.print;

import java.util.List;

/**
 * What one badge shows, already in words: the print package knows nothing of registrations.
 *
 * @param roleColour 0xRRGGBB of the role band
 * @param code       what the QR code holds
 * @param backTitle  the heading of the back side (the personal programme), or null for no back side
 * @param backLines  the back side's lines, one per session
 */
public record Badge(String firstName, String lastName, String organisation, String role, int roleColour,
        String eventTitle, String eventDate, String code, String backTitle, List<String> backLines) {
}
