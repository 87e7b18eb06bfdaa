package org.relais.edition;

/**
 * Fired inside the transaction that deletes a draft edition, before it goes: what belongs to it
 * elsewhere goes too (badge holders, accesses), or refuses (someone registered).
 */
public record EditionDeleting(Long editionId) {
}
