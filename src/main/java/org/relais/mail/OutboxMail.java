package org.relais.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.relais.programme.ProgrammeSession;
import org.relais.registration.Registration;

/** An e-mail to send, written in the same transaction as the change it announces. */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail extends PanacheEntityBase {

    @Id
    // From a sequence, 50 at a time (db/migration/V10): a rush's inserts go in JDBC batches.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_mail_ids")
    @SequenceGenerator(name = "outbox_mail_ids", sequenceName = "outbox_mail_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public MailKind kind;

    @ManyToOne(optional = false)
    public Registration registration;

    /** The session a promotion, a withdrawal or a cancelled session is about; null once the session is deleted. */
    @ManyToOne
    public ProgrammeSession session;

    // What the mail says of its session, kept with it should the session be deleted before it goes.
    @Column(name = "session_title")
    public String sessionTitle;
    @Column(name = "session_date")
    public LocalDate sessionDay;
    @Column(name = "session_starts_at")
    public LocalTime sessionStartsAt;
    @Column(name = "session_ends_at")
    public LocalTime sessionEndsAt;
    // For a move: the session the relay was moved out of, as it was then.
    @Column(name = "left_session_title")
    public String leftSessionTitle;
    @Column(name = "left_session_date")
    public LocalDate leftSessionDay;
    @Column(name = "left_session_starts_at")
    public LocalTime leftSessionStartsAt;
    @Column(name = "left_session_ends_at")
    public LocalTime leftSessionEndsAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    public int attempts;
    /** When the last attempt failed; null until one has. */
    @Column(name = "last_failed_at")
    public OffsetDateTime lastFailedAt;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    /** Set while one worker sends it, so that two instances never send the same mail. */
    @Column(name = "claimed_until")
    public OffsetDateTime claimedUntil;
    /** The batch of the worker that claimed it, with {@link #claimedUntil}. */
    @Column(name = "claim_token")
    public String claimToken;
    /** When it was sent; or when it was set aside unsent, having become untrue ({@link #lastError} says why). */
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    /** Why the last attempt failed, or why the mail was set aside. */
    @Column(name = "last_error")
    public String lastError;
    /** The kind of the last failure, for the organisers' words ({@link #lastError} is the mail client's). */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "failure_kind")
    public SendFailure failureKind;

    /** How {@link #lastError} begins for a mail marked done unsent, because it had become untrue before it went. */
    public static final String SET_ASIDE = "Set aside: ";

    public boolean wasSetAside() {
        return sentAt != null && lastError != null && lastError.startsWith(SET_ASIDE);
    }
}
