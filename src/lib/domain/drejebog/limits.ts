/**
 * Numeric limits of a drejebog (issue 11). Kept beside the drejebog's schemas rather than in
 * `lib/domain/limits.ts` so the template's and the drejebog's limits can change independently;
 * both sides (operations, validation, the editor's `maxlength`) read them from here. The numbers
 * keep a drejebog printable and readable at a staff meeting; a work group meets them long before
 * they bind.
 */
import { MAX_LABEL_LENGTH, MAX_SCALE_LEVELS, MAX_TIMING_AFTER_WEEKS } from '../limits.ts';

/** Longest drejebog title ("Drejebog for brug af læringsbeviset"), like a template title. */
export const MAX_DREJEBOG_TITLE_LENGTH = 120;
/**
 * Longest introduction, counted as plain characters. The introduction is what a drejebog stored
 * before the structured model held as its whole text, so it is allowed to be long.
 */
export const MAX_INTRODUCTION_LENGTH = 20_000;
/** Stages per drejebog: the three of STAR's model plus a few a municipality adds. */
export const MAX_STAGES = 8;
/** Longest stage label ("Mod afslutningen"). */
export const MAX_STAGE_LABEL_LENGTH = MAX_LABEL_LENGTH;
/** Steps per stage; STAR's columns hold seven items at most, a whole drejebog is read in one go. */
export const MAX_STEPS_PER_STAGE = 30;
/** Longest step title: one sentence that says what happens. */
export const MAX_STEP_TITLE_LENGTH = 160;
/** Longest guidance of a step, like other rich text in a template. */
export const MAX_GUIDANCE_LENGTH = 2000;
/** Custom roles per step, besides the standard ones. */
export const MAX_CUSTOM_ROLES = 6;
/** Longest custom role ("Fleksjobambassadør"). */
export const MAX_ROLE_LABEL_LENGTH = 60;
/** Checklist items per step; more does not fit on a card staff read during a meeting. */
export const MAX_CHECKLIST_ITEMS = 15;
/** Longest checklist item: one sentence. */
export const MAX_CHECKLIST_ITEM_LENGTH = 200;
/** Longest free-text timing ("Løbende, ved hver opfølgning"). */
export const MAX_WHEN_TEXT_LENGTH = 120;
/** An offset reaches two years before or after, like a measurement point's timing. */
export const MAX_OFFSET_WEEKS = MAX_TIMING_AFTER_WEEKS;
/** A level position in a rule names a level of a scale, which has at most this many. */
export const MAX_LEVEL_POSITION = MAX_SCALE_LEVELS;
/** Rules in "Hurtig reaktion". */
export const MAX_REACTIONS = 12;
/** Longest condition or action text of a reaction rule. */
export const MAX_REACTION_TEXT_LENGTH = 300;
/** A missed rating is noticed within two months at the latest. */
export const MAX_MISSED_DAYS = 60;
