/** Numeric limits shared by forms, the API, the database layer and the collaboration server. */

/** Longest workshop or organisation name; a long municipal project title fits in 120. */
export const MAX_TITLE_LENGTH = 120;
/** Longest display name of a person. */
export const MAX_NAME_LENGTH = 100;
/** RFC 5321 caps an address at 254 characters. */
export const MAX_EMAIL_LENGTH = 254;
/** NIST SP 800-63B: at least 8 characters; we ask for 10 since these accounts reach citizen data. */
export const MIN_PASSWORD_LENGTH = 10;
/** Upper bound so that hashing cannot be used to burn CPU. */
export const MAX_PASSWORD_LENGTH = 200;

/** A session unused for this long expires (one working week plus a weekend). */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
/** A session expires this long after login, however active. */
export const SESSION_ABSOLUTE_SECONDS = 30 * 24 * 60 * 60;
/** Refresh `last_seen_at` at most this often, so reads do not turn into writes on every request. */
export const SESSION_TOUCH_SECONDS = 60;
/**
 * While sockets or event streams are open, the server checks this often whether another process
 * (the CLI) ended sessions, so theirs close within a second: one read of a one-row counter.
 */
export const SESSION_WATCH_POLL_MS = 250;

/** Failed logins per account within the window before throttling starts. */
export const LOGIN_MAX_FAILURES = 5;
/**
 * Failed logins per client address before throttling starts. Higher than per account because a
 * whole workshop room often shares one address behind the municipality's NAT.
 */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 30;
/** Window in which failures are counted. */
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;
/** Lockout after the limit; doubles for every further failure, capped at one hour. */
export const LOGIN_LOCKOUT_SECONDS = 60;
export const LOGIN_LOCKOUT_MAX_SECONDS = 60 * 60;

/** Invitations expire after 14 days unless used or revoked first. */
export const INVITATION_TTL_SECONDS = 14 * 24 * 60 * 60;

/** Largest JSON body the API accepts. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/*
 * Læringsbevis template (issue 4). The numbers keep a template printable on a few A4 pages and
 * readable for a young person; the work group meets them long before they bind.
 */

/** Longest template title, e.g. "Læringsbevis – virksomhedspraktik i butik". */
export const MAX_TEMPLATE_TITLE_LENGTH = MAX_TITLE_LENGTH;
/** Longest label of an area, measurement point, rater, header field or free-text section. */
export const MAX_LABEL_LENGTH = 80;
/** A level label is a short heading in a table column ("Kan med hjælp"), so it stays short. */
export const MAX_LEVEL_LABEL_LENGTH = 40;
/** Longest competence statement; one sentence a young person can read aloud. */
export const MAX_STATEMENT_LENGTH = 200;
/** Longest rich text (descriptor, description, guidance), counted as plain characters. */
export const MAX_RICH_TEXT_LENGTH = 2000;
/** Longest text above the signatures. */
export const MAX_SIGNATURE_TEXT_LENGTH = 500;
/** A scale needs at least two levels to say anything about progression. */
export const MIN_SCALE_LEVELS = 2;
/** More than ten levels cannot be told apart by a young person or a mentor. */
export const MAX_SCALE_LEVELS = 10;
/** Competence areas per template. */
export const MAX_AREAS = 12;
/** Competence statements per area; more does not fit a læringsbevis a young person reads. */
export const MAX_STATEMENTS_PER_AREA = 40;
/** Measurement points per template (start, midtvejs, slut, plus a few extra follow-ups). */
export const MAX_MEASUREMENT_POINTS = 8;
/** Raters per template (den unge, virksomheden, jobkonsulenten, plus a mentor or two). */
export const MAX_RATERS = 6;
/** Header fields per template. */
export const MAX_HEADER_FIELDS = 15;
/** Free-text sections per template. */
export const MAX_FREE_TEXT_SECTIONS = 8;
/**
 * Longest CV phrase of a statement ("Jeg kan modtage varer og kontrollere dem mod følgesedlen" is
 * 56): one line in a CV, shorter than the statement it comes from.
 */
export const MAX_CV_PHRASE_LENGTH = 150;
/** "After N weeks" reaches at most two years, longer than any internship or follow-up. */
export const MAX_TIMING_AFTER_WEEKS = 104;
/** "Repeated every N weeks" at most once a year; rarer is not follow-up. */
export const MAX_TIMING_EVERY_WEEKS = 52;
/** People who sign the læringsbevis (den unge, mentor, jobkonsulent, sagsbehandler, a few more). */
export const MAX_SIGNERS = 8;
/** Sub-goals per template; more than a dozen cannot be followed in one conversation. */
export const MAX_SUB_GOALS = 12;
/** Longest sub-goal, one sentence like a statement. */
export const MAX_SUB_GOAL_LENGTH = 200;
/** A status scale needs two steps to show movement (ikke påbegyndt / i gang / nået is three). */
export const MIN_GOAL_STATUSES = 2;
/** More statuses than this cannot be told apart at a follow-up. */
export const MAX_GOAL_STATUSES = 6;
/** Longest comment on one rating ("an example or a comment", a few sentences). */
export const MAX_RATING_COMMENT_LENGTH = 500;
/** Longest answer in a case's text fields (own words, goal, tasks, next step). */
export const MAX_CASE_TEXT_LENGTH = 2000;
/** Hours per week in a case: well above a full-time week (37 h), so no real answer is refused. */
export const MAX_HOURS_PER_WEEK = 80;

/**
 * Largest WebSocket frame the collaboration server accepts (config `FORMVAERK_MAX_FRAME_BYTES`
 * overrides it). 2 MiB holds a pasted chapter with images stripped many times over; bigger
 * frames are refused by `ws` itself before they are buffered.
 */
export const COLLAB_MAX_FRAME_BYTES = 2 * 1024 * 1024;
/**
 * Largest document (its encoded Yjs state) the server stores. A year of workshop notes is a few
 * hundred KB; 16 MiB leaves room for pasted material while keeping a cold load well under a second.
 */
export const COLLAB_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/**
 * Messages per second a connection may send on average. Fast typing is ~15 keystrokes/s, each
 * giving one update and one cursor (awareness) message; 60/s leaves twice that headroom.
 */
export const COLLAB_MESSAGES_PER_SECOND = 60;
/** Burst allowance on top of the rate: a reconnect sends sync, awareness and queued edits at once. */
export const COLLAB_MESSAGE_BURST = 600;
/** Bytes per second a connection may send on average (pastes and offline catch-up are bursts). */
export const COLLAB_BYTES_PER_SECOND = 1024 * 1024;
/** Byte burst: room for a few maximum-size frames in a row, e.g. an offline catch-up. */
export const COLLAB_BYTE_BURST = 8 * 1024 * 1024;
/** The server pings every connection this often and drops those that did not answer the last. */
export const COLLAB_PING_INTERVAL_MS = 30_000;
/**
 * The update log of a document is compacted into a snapshot after this many appends. A cold
 * load applies snapshot plus tail; 1000 small updates apply in about 3 ms.
 */
export const COLLAB_COMPACT_AFTER_UPDATES = 1000;
/** …or after this many logged bytes, whichever comes first. */
export const COLLAB_COMPACT_AFTER_BYTES = 4 * 1024 * 1024;
/**
 * A room without connections stays loaded this long before it compacts and unloads, so that a
 * page reload does not pay a cold load.
 */
export const COLLAB_UNLOAD_DELAY_MS = 2_000;
/** Awareness client ids one connection may own (a stock client uses exactly one). */
export const COLLAB_MAX_AWARENESS_CLIENTS = 4;
/** Largest awareness state (JSON) one client may publish; cursors and a name need < 1 KB. */
export const COLLAB_MAX_AWARENESS_STATE_BYTES = 16 * 1024;
/** Frames a connection may send while its room is still loading; more is abuse. */
export const COLLAB_MAX_QUEUED_FRAMES = 200;
/**
 * A connection whose unsent output exceeds this is too slow to follow the room (a stalled
 * laptop); it is dropped and resyncs on reconnect instead of growing server memory.
 */
export const COLLAB_MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/**
 * Every open collaboration socket re-checks its rights this often, as a safety net: access changes
 * are pushed at once, and session ends are the session watch's (SESSION_WATCH_POLL_MS).
 */
export const COLLAB_ACCESS_SWEEP_MS = 60_000;
/**
 * A stored document at least this large is held in its own worker thread: loading or syncing it
 * takes long enough (about 60 ms per MB) to stall every other room in the main thread.
 */
export const COLLAB_WORKER_CORE_BYTES = 1024 * 1024;
/** The collaboration server logs update residence times (p50/p99) this often. */
export const COLLAB_METRICS_INTERVAL_MS = 5_000;

/** Run mode: most items on a day's agenda, longest item, and most minutes added in one step. */
export const MAX_AGENDA_ITEMS = 30;
export const MAX_AGENDA_ITEM_MINUTES = 480;
export const MAX_ADD_MINUTES = 120;

/** Dot votes: most dots per person, candidates per vote, and length of a candidate's text. */
export const MAX_DOTS_PER_PERSON = 10;
export const MIN_VOTE_CANDIDATES = 2;
export const MAX_VOTE_CANDIDATES = 30;
export const MAX_CANDIDATE_LENGTH = 300;

/** Longest comment on a template element. */
export const MAX_COMMENT_LENGTH = 2000;
