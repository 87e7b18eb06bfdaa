package org.relais.edition;

/** Fired inside the transaction that deletes a draft edition, before it goes: what belongs to it elsewhere goes too. */
public record EditionDeleting(Long editionId) {
}
