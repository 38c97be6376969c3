/**
 * The authorization matrix: every actor × action × resource cell is checked against the table
 * below, written out by hand from the product rules. The table is the specification; it is not
 * computed from permissions.ts, so a change in `can()` that nobody meant shows up as a failing cell.
 *
 * Municipality X has workshops A and B; municipality Y has workshop C. Documents are named
 * `<kind>:<workshop>@<phase of the workshop>`.
 */
import { describe, expect, it } from 'vitest';
import {
	ACTIONS,
	can,
	readOnlyReason,
	type Action,
	type Actor,
	type Resource,
	type WorkshopResource
} from '#lib/domain/permissions.ts';
import { DOCUMENT_KINDS, PHASES, type DocumentKind, type Phase } from '#lib/domain/workshop.ts';

const ACTORS: Record<string, Actor | null> = {
	/** Not logged in. */
	none: null,
	/** Organisation roles only, no workshop role. */
	adminX: { id: 'adminX', orgRoles: { X: 'admin' }, workshopRoles: {} },
	facX: { id: 'facX', orgRoles: { X: 'facilitator' }, workshopRoles: {} },
	memX: { id: 'memX', orgRoles: { X: 'member' }, workshopRoles: {} },
	/** Workshop roles in A (and the organisation membership that comes with joining). */
	facA: { id: 'facA', orgRoles: { X: 'facilitator' }, workshopRoles: { A: 'facilitator' } },
	memA: { id: 'memA', orgRoles: { X: 'member' }, workshopRoles: { A: 'member' } },
	staffA: { id: 'staffA', orgRoles: { X: 'member' }, workshopRoles: { A: 'staff' } },
	/** The administrator of the other municipality. */
	adminY: { id: 'adminY', orgRoles: { Y: 'admin' }, workshopRoles: {} }
};

// y = allowed, . = refused.
const EXPECTED = `
resource              action           none    adminX  facX    memX    facA    memA    staffA  adminY
org:X                 read             .       y       y       y       y       y       y       .
org:X                 write            .       .       .       .       .       .       .       .
org:X                 manage           .       y       .       .       .       .       .       .
org:X                 create-workshop  .       y       y       .       y       .       .       .
org:X                 change-phase     .       .       .       .       .       .       .       .
org:X                 run              .       .       .       .       .       .       .       .
org:X                 vote             .       .       .       .       .       .       .       .
org:X                 comment          .       .       .       .       .       .       .       .
org:X                 publish          .       .       .       .       .       .       .       .
org:X                 create-case      .       y       .       .       .       .       .       .
org:X                 manage-links     .       .       .       .       .       .       .       .
org:X                 close            .       .       .       .       .       .       .       .
org:X                 delete           .       .       .       .       .       .       .       .
org:X                 read-statistics  .       y       .       .       .       .       .       .
org:X                 access-export    .       y       .       .       .       .       .       .
org:Y                 read             .       .       .       .       .       .       .       y
org:Y                 write            .       .       .       .       .       .       .       .
org:Y                 manage           .       .       .       .       .       .       .       y
org:Y                 create-workshop  .       .       .       .       .       .       .       y
org:Y                 change-phase     .       .       .       .       .       .       .       .
org:Y                 run              .       .       .       .       .       .       .       .
org:Y                 vote             .       .       .       .       .       .       .       .
org:Y                 comment          .       .       .       .       .       .       .       .
org:Y                 publish          .       .       .       .       .       .       .       .
org:Y                 create-case      .       .       .       .       .       .       .       y
org:Y                 manage-links     .       .       .       .       .       .       .       .
org:Y                 close            .       .       .       .       .       .       .       .
org:Y                 delete           .       .       .       .       .       .       .       .
org:Y                 read-statistics  .       .       .       .       .       .       .       y
org:Y                 access-export    .       .       .       .       .       .       .       y
workshop:A@format     read             .       y       .       .       y       y       y       .
workshop:A@format     write            .       .       .       .       y       .       .       .
workshop:A@format     manage           .       y       .       .       y       .       .       .
workshop:A@format     create-workshop  .       .       .       .       .       .       .       .
workshop:A@format     change-phase     .       .       .       .       y       .       .       .
workshop:A@format     run              .       .       .       .       y       .       .       .
workshop:A@format     vote             .       .       .       .       y       y       .       .
workshop:A@format     comment          .       .       .       .       y       y       .       .
workshop:A@format     publish          .       .       .       .       y       .       .       .
workshop:A@format     create-case      .       .       .       .       .       .       .       .
workshop:A@format     manage-links     .       .       .       .       .       .       .       .
workshop:A@format     close            .       .       .       .       .       .       .       .
workshop:A@format     delete           .       .       .       .       .       .       .       .
workshop:A@format     read-statistics  .       .       .       .       .       .       .       .
workshop:A@format     access-export    .       .       .       .       .       .       .       .
workshop:A@drejebog   read             .       y       .       .       y       y       y       .
workshop:A@drejebog   write            .       .       .       .       y       .       .       .
workshop:A@drejebog   manage           .       y       .       .       y       .       .       .
workshop:A@drejebog   create-workshop  .       .       .       .       .       .       .       .
workshop:A@drejebog   change-phase     .       .       .       .       y       .       .       .
workshop:A@drejebog   run              .       .       .       .       y       .       .       .
workshop:A@drejebog   vote             .       .       .       .       y       y       .       .
workshop:A@drejebog   comment          .       .       .       .       y       y       .       .
workshop:A@drejebog   publish          .       .       .       .       y       .       .       .
workshop:A@drejebog   create-case      .       .       .       .       .       .       .       .
workshop:A@drejebog   manage-links     .       .       .       .       .       .       .       .
workshop:A@drejebog   close            .       .       .       .       .       .       .       .
workshop:A@drejebog   delete           .       .       .       .       .       .       .       .
workshop:A@drejebog   read-statistics  .       .       .       .       .       .       .       .
workshop:A@drejebog   access-export    .       .       .       .       .       .       .       .
workshop:A@rollout    read             .       y       .       .       y       y       y       .
workshop:A@rollout    write            .       .       .       .       y       .       .       .
workshop:A@rollout    manage           .       y       .       .       y       .       .       .
workshop:A@rollout    create-workshop  .       .       .       .       .       .       .       .
workshop:A@rollout    change-phase     .       .       .       .       y       .       .       .
workshop:A@rollout    run              .       .       .       .       y       .       .       .
workshop:A@rollout    vote             .       .       .       .       y       y       .       .
workshop:A@rollout    comment          .       .       .       .       y       y       .       .
workshop:A@rollout    publish          .       .       .       .       y       .       .       .
workshop:A@rollout    create-case      .       .       .       .       .       .       .       .
workshop:A@rollout    manage-links     .       .       .       .       .       .       .       .
workshop:A@rollout    close            .       .       .       .       .       .       .       .
workshop:A@rollout    delete           .       .       .       .       .       .       .       .
workshop:A@rollout    read-statistics  .       .       .       .       .       .       .       .
workshop:A@rollout    access-export    .       .       .       .       .       .       .       .
workshop:A@drift      read             .       y       .       .       y       y       y       .
workshop:A@drift      write            .       .       .       .       y       .       .       .
workshop:A@drift      manage           .       y       .       .       y       .       .       .
workshop:A@drift      create-workshop  .       .       .       .       .       .       .       .
workshop:A@drift      change-phase     .       .       .       .       y       .       .       .
workshop:A@drift      run              .       .       .       .       y       .       .       .
workshop:A@drift      vote             .       .       .       .       y       y       .       .
workshop:A@drift      comment          .       .       .       .       y       y       .       .
workshop:A@drift      publish          .       .       .       .       y       .       .       .
workshop:A@drift      create-case      .       .       .       .       .       .       .       .
workshop:A@drift      manage-links     .       .       .       .       .       .       .       .
workshop:A@drift      close            .       .       .       .       .       .       .       .
workshop:A@drift      delete           .       .       .       .       .       .       .       .
workshop:A@drift      read-statistics  .       .       .       .       .       .       .       .
workshop:A@drift      access-export    .       .       .       .       .       .       .       .
workshop:B@format     read             .       y       .       .       .       .       .       .
workshop:B@format     write            .       .       .       .       .       .       .       .
workshop:B@format     manage           .       y       .       .       .       .       .       .
workshop:B@format     create-workshop  .       .       .       .       .       .       .       .
workshop:B@format     change-phase     .       .       .       .       .       .       .       .
workshop:B@format     run              .       .       .       .       .       .       .       .
workshop:B@format     vote             .       .       .       .       .       .       .       .
workshop:B@format     comment          .       .       .       .       .       .       .       .
workshop:B@format     publish          .       .       .       .       .       .       .       .
workshop:B@format     create-case      .       .       .       .       .       .       .       .
workshop:B@format     manage-links     .       .       .       .       .       .       .       .
workshop:B@format     close            .       .       .       .       .       .       .       .
workshop:B@format     delete           .       .       .       .       .       .       .       .
workshop:B@format     read-statistics  .       .       .       .       .       .       .       .
workshop:B@format     access-export    .       .       .       .       .       .       .       .
workshop:C@format     read             .       .       .       .       .       .       .       y
workshop:C@format     write            .       .       .       .       .       .       .       .
workshop:C@format     manage           .       .       .       .       .       .       .       y
workshop:C@format     create-workshop  .       .       .       .       .       .       .       .
workshop:C@format     change-phase     .       .       .       .       .       .       .       .
workshop:C@format     run              .       .       .       .       .       .       .       .
workshop:C@format     vote             .       .       .       .       .       .       .       .
workshop:C@format     comment          .       .       .       .       .       .       .       .
workshop:C@format     publish          .       .       .       .       .       .       .       .
workshop:C@format     create-case      .       .       .       .       .       .       .       .
workshop:C@format     manage-links     .       .       .       .       .       .       .       .
workshop:C@format     close            .       .       .       .       .       .       .       .
workshop:C@format     delete           .       .       .       .       .       .       .       .
workshop:C@format     read-statistics  .       .       .       .       .       .       .       .
workshop:C@format     access-export    .       .       .       .       .       .       .       .
template:A@format     read             .       y       .       .       y       y       y       .
template:A@format     write            .       .       .       .       y       y       .       .
template:A@format     manage           .       .       .       .       .       .       .       .
template:A@format     create-workshop  .       .       .       .       .       .       .       .
template:A@format     change-phase     .       .       .       .       .       .       .       .
template:A@format     run              .       .       .       .       .       .       .       .
template:A@format     vote             .       .       .       .       .       .       .       .
template:A@format     comment          .       .       .       .       .       .       .       .
template:A@format     publish          .       .       .       .       .       .       .       .
template:A@format     create-case      .       .       .       .       .       .       .       .
template:A@format     manage-links     .       .       .       .       .       .       .       .
template:A@format     close            .       .       .       .       .       .       .       .
template:A@format     delete           .       .       .       .       .       .       .       .
template:A@format     read-statistics  .       .       .       .       .       .       .       .
template:A@format     access-export    .       .       .       .       .       .       .       .
template:A@drejebog   read             .       y       .       .       y       y       y       .
template:A@drejebog   write            .       .       .       .       y       .       .       .
template:A@drejebog   manage           .       .       .       .       .       .       .       .
template:A@drejebog   create-workshop  .       .       .       .       .       .       .       .
template:A@drejebog   change-phase     .       .       .       .       .       .       .       .
template:A@drejebog   run              .       .       .       .       .       .       .       .
template:A@drejebog   vote             .       .       .       .       .       .       .       .
template:A@drejebog   comment          .       .       .       .       .       .       .       .
template:A@drejebog   publish          .       .       .       .       .       .       .       .
template:A@drejebog   create-case      .       .       .       .       .       .       .       .
template:A@drejebog   manage-links     .       .       .       .       .       .       .       .
template:A@drejebog   close            .       .       .       .       .       .       .       .
template:A@drejebog   delete           .       .       .       .       .       .       .       .
template:A@drejebog   read-statistics  .       .       .       .       .       .       .       .
template:A@drejebog   access-export    .       .       .       .       .       .       .       .
template:A@rollout    read             .       y       .       .       y       y       y       .
template:A@rollout    write            .       .       .       .       y       .       .       .
template:A@rollout    manage           .       .       .       .       .       .       .       .
template:A@rollout    create-workshop  .       .       .       .       .       .       .       .
template:A@rollout    change-phase     .       .       .       .       .       .       .       .
template:A@rollout    run              .       .       .       .       .       .       .       .
template:A@rollout    vote             .       .       .       .       .       .       .       .
template:A@rollout    comment          .       .       .       .       .       .       .       .
template:A@rollout    publish          .       .       .       .       .       .       .       .
template:A@rollout    create-case      .       .       .       .       .       .       .       .
template:A@rollout    manage-links     .       .       .       .       .       .       .       .
template:A@rollout    close            .       .       .       .       .       .       .       .
template:A@rollout    delete           .       .       .       .       .       .       .       .
template:A@rollout    read-statistics  .       .       .       .       .       .       .       .
template:A@rollout    access-export    .       .       .       .       .       .       .       .
template:A@drift      read             .       y       .       .       y       y       y       .
template:A@drift      write            .       .       .       .       y       .       .       .
template:A@drift      manage           .       .       .       .       .       .       .       .
template:A@drift      create-workshop  .       .       .       .       .       .       .       .
template:A@drift      change-phase     .       .       .       .       .       .       .       .
template:A@drift      run              .       .       .       .       .       .       .       .
template:A@drift      vote             .       .       .       .       .       .       .       .
template:A@drift      comment          .       .       .       .       .       .       .       .
template:A@drift      publish          .       .       .       .       .       .       .       .
template:A@drift      create-case      .       .       .       .       .       .       .       .
template:A@drift      manage-links     .       .       .       .       .       .       .       .
template:A@drift      close            .       .       .       .       .       .       .       .
template:A@drift      delete           .       .       .       .       .       .       .       .
template:A@drift      read-statistics  .       .       .       .       .       .       .       .
template:A@drift      access-export    .       .       .       .       .       .       .       .
drejebog:A@format     read             .       y       .       .       y       y       y       .
drejebog:A@format     write            .       .       .       .       y       y       .       .
drejebog:A@format     manage           .       .       .       .       .       .       .       .
drejebog:A@format     create-workshop  .       .       .       .       .       .       .       .
drejebog:A@format     change-phase     .       .       .       .       .       .       .       .
drejebog:A@format     run              .       .       .       .       .       .       .       .
drejebog:A@format     vote             .       .       .       .       .       .       .       .
drejebog:A@format     comment          .       .       .       .       .       .       .       .
drejebog:A@format     publish          .       .       .       .       .       .       .       .
drejebog:A@format     create-case      .       .       .       .       .       .       .       .
drejebog:A@format     manage-links     .       .       .       .       .       .       .       .
drejebog:A@format     close            .       .       .       .       .       .       .       .
drejebog:A@format     delete           .       .       .       .       .       .       .       .
drejebog:A@format     read-statistics  .       .       .       .       .       .       .       .
drejebog:A@format     access-export    .       .       .       .       .       .       .       .
drejebog:A@drejebog   read             .       y       .       .       y       y       y       .
drejebog:A@drejebog   write            .       .       .       .       y       y       .       .
drejebog:A@drejebog   manage           .       .       .       .       .       .       .       .
drejebog:A@drejebog   create-workshop  .       .       .       .       .       .       .       .
drejebog:A@drejebog   change-phase     .       .       .       .       .       .       .       .
drejebog:A@drejebog   run              .       .       .       .       .       .       .       .
drejebog:A@drejebog   vote             .       .       .       .       .       .       .       .
drejebog:A@drejebog   comment          .       .       .       .       .       .       .       .
drejebog:A@drejebog   publish          .       .       .       .       .       .       .       .
drejebog:A@drejebog   create-case      .       .       .       .       .       .       .       .
drejebog:A@drejebog   manage-links     .       .       .       .       .       .       .       .
drejebog:A@drejebog   close            .       .       .       .       .       .       .       .
drejebog:A@drejebog   delete           .       .       .       .       .       .       .       .
drejebog:A@drejebog   read-statistics  .       .       .       .       .       .       .       .
drejebog:A@drejebog   access-export    .       .       .       .       .       .       .       .
drejebog:A@rollout    read             .       y       .       .       y       y       y       .
drejebog:A@rollout    write            .       .       .       .       y       .       .       .
drejebog:A@rollout    manage           .       .       .       .       .       .       .       .
drejebog:A@rollout    create-workshop  .       .       .       .       .       .       .       .
drejebog:A@rollout    change-phase     .       .       .       .       .       .       .       .
drejebog:A@rollout    run              .       .       .       .       .       .       .       .
drejebog:A@rollout    vote             .       .       .       .       .       .       .       .
drejebog:A@rollout    comment          .       .       .       .       .       .       .       .
drejebog:A@rollout    publish          .       .       .       .       .       .       .       .
drejebog:A@rollout    create-case      .       .       .       .       .       .       .       .
drejebog:A@rollout    manage-links     .       .       .       .       .       .       .       .
drejebog:A@rollout    close            .       .       .       .       .       .       .       .
drejebog:A@rollout    delete           .       .       .       .       .       .       .       .
drejebog:A@rollout    read-statistics  .       .       .       .       .       .       .       .
drejebog:A@rollout    access-export    .       .       .       .       .       .       .       .
drejebog:A@drift      read             .       y       .       .       y       y       y       .
drejebog:A@drift      write            .       .       .       .       y       .       .       .
drejebog:A@drift      manage           .       .       .       .       .       .       .       .
drejebog:A@drift      create-workshop  .       .       .       .       .       .       .       .
drejebog:A@drift      change-phase     .       .       .       .       .       .       .       .
drejebog:A@drift      run              .       .       .       .       .       .       .       .
drejebog:A@drift      vote             .       .       .       .       .       .       .       .
drejebog:A@drift      comment          .       .       .       .       .       .       .       .
drejebog:A@drift      publish          .       .       .       .       .       .       .       .
drejebog:A@drift      create-case      .       .       .       .       .       .       .       .
drejebog:A@drift      manage-links     .       .       .       .       .       .       .       .
drejebog:A@drift      close            .       .       .       .       .       .       .       .
drejebog:A@drift      delete           .       .       .       .       .       .       .       .
drejebog:A@drift      read-statistics  .       .       .       .       .       .       .       .
drejebog:A@drift      access-export    .       .       .       .       .       .       .       .
template:B@format     read             .       y       .       .       .       .       .       .
template:B@format     write            .       .       .       .       .       .       .       .
template:B@format     manage           .       .       .       .       .       .       .       .
template:B@format     create-workshop  .       .       .       .       .       .       .       .
template:B@format     change-phase     .       .       .       .       .       .       .       .
template:B@format     run              .       .       .       .       .       .       .       .
template:B@format     vote             .       .       .       .       .       .       .       .
template:B@format     comment          .       .       .       .       .       .       .       .
template:B@format     publish          .       .       .       .       .       .       .       .
template:B@format     create-case      .       .       .       .       .       .       .       .
template:B@format     manage-links     .       .       .       .       .       .       .       .
template:B@format     close            .       .       .       .       .       .       .       .
template:B@format     delete           .       .       .       .       .       .       .       .
template:B@format     read-statistics  .       .       .       .       .       .       .       .
template:B@format     access-export    .       .       .       .       .       .       .       .
template:B@drejebog   read             .       y       .       .       .       .       .       .
template:B@drejebog   write            .       .       .       .       .       .       .       .
template:B@drejebog   manage           .       .       .       .       .       .       .       .
template:B@drejebog   create-workshop  .       .       .       .       .       .       .       .
template:B@drejebog   change-phase     .       .       .       .       .       .       .       .
template:B@drejebog   run              .       .       .       .       .       .       .       .
template:B@drejebog   vote             .       .       .       .       .       .       .       .
template:B@drejebog   comment          .       .       .       .       .       .       .       .
template:B@drejebog   publish          .       .       .       .       .       .       .       .
template:B@drejebog   create-case      .       .       .       .       .       .       .       .
template:B@drejebog   manage-links     .       .       .       .       .       .       .       .
template:B@drejebog   close            .       .       .       .       .       .       .       .
template:B@drejebog   delete           .       .       .       .       .       .       .       .
template:B@drejebog   read-statistics  .       .       .       .       .       .       .       .
template:B@drejebog   access-export    .       .       .       .       .       .       .       .
template:B@rollout    read             .       y       .       .       .       .       .       .
template:B@rollout    write            .       .       .       .       .       .       .       .
template:B@rollout    manage           .       .       .       .       .       .       .       .
template:B@rollout    create-workshop  .       .       .       .       .       .       .       .
template:B@rollout    change-phase     .       .       .       .       .       .       .       .
template:B@rollout    run              .       .       .       .       .       .       .       .
template:B@rollout    vote             .       .       .       .       .       .       .       .
template:B@rollout    comment          .       .       .       .       .       .       .       .
template:B@rollout    publish          .       .       .       .       .       .       .       .
template:B@rollout    create-case      .       .       .       .       .       .       .       .
template:B@rollout    manage-links     .       .       .       .       .       .       .       .
template:B@rollout    close            .       .       .       .       .       .       .       .
template:B@rollout    delete           .       .       .       .       .       .       .       .
template:B@rollout    read-statistics  .       .       .       .       .       .       .       .
template:B@rollout    access-export    .       .       .       .       .       .       .       .
template:B@drift      read             .       y       .       .       .       .       .       .
template:B@drift      write            .       .       .       .       .       .       .       .
template:B@drift      manage           .       .       .       .       .       .       .       .
template:B@drift      create-workshop  .       .       .       .       .       .       .       .
template:B@drift      change-phase     .       .       .       .       .       .       .       .
template:B@drift      run              .       .       .       .       .       .       .       .
template:B@drift      vote             .       .       .       .       .       .       .       .
template:B@drift      comment          .       .       .       .       .       .       .       .
template:B@drift      publish          .       .       .       .       .       .       .       .
template:B@drift      create-case      .       .       .       .       .       .       .       .
template:B@drift      manage-links     .       .       .       .       .       .       .       .
template:B@drift      close            .       .       .       .       .       .       .       .
template:B@drift      delete           .       .       .       .       .       .       .       .
template:B@drift      read-statistics  .       .       .       .       .       .       .       .
template:B@drift      access-export    .       .       .       .       .       .       .       .
drejebog:B@format     read             .       y       .       .       .       .       .       .
drejebog:B@format     write            .       .       .       .       .       .       .       .
drejebog:B@format     manage           .       .       .       .       .       .       .       .
drejebog:B@format     create-workshop  .       .       .       .       .       .       .       .
drejebog:B@format     change-phase     .       .       .       .       .       .       .       .
drejebog:B@format     run              .       .       .       .       .       .       .       .
drejebog:B@format     vote             .       .       .       .       .       .       .       .
drejebog:B@format     comment          .       .       .       .       .       .       .       .
drejebog:B@format     publish          .       .       .       .       .       .       .       .
drejebog:B@format     create-case      .       .       .       .       .       .       .       .
drejebog:B@format     manage-links     .       .       .       .       .       .       .       .
drejebog:B@format     close            .       .       .       .       .       .       .       .
drejebog:B@format     delete           .       .       .       .       .       .       .       .
drejebog:B@format     read-statistics  .       .       .       .       .       .       .       .
drejebog:B@format     access-export    .       .       .       .       .       .       .       .
drejebog:B@drejebog   read             .       y       .       .       .       .       .       .
drejebog:B@drejebog   write            .       .       .       .       .       .       .       .
drejebog:B@drejebog   manage           .       .       .       .       .       .       .       .
drejebog:B@drejebog   create-workshop  .       .       .       .       .       .       .       .
drejebog:B@drejebog   change-phase     .       .       .       .       .       .       .       .
drejebog:B@drejebog   run              .       .       .       .       .       .       .       .
drejebog:B@drejebog   vote             .       .       .       .       .       .       .       .
drejebog:B@drejebog   comment          .       .       .       .       .       .       .       .
drejebog:B@drejebog   publish          .       .       .       .       .       .       .       .
drejebog:B@drejebog   create-case      .       .       .       .       .       .       .       .
drejebog:B@drejebog   manage-links     .       .       .       .       .       .       .       .
drejebog:B@drejebog   close            .       .       .       .       .       .       .       .
drejebog:B@drejebog   delete           .       .       .       .       .       .       .       .
drejebog:B@drejebog   read-statistics  .       .       .       .       .       .       .       .
drejebog:B@drejebog   access-export    .       .       .       .       .       .       .       .
drejebog:B@rollout    read             .       y       .       .       .       .       .       .
drejebog:B@rollout    write            .       .       .       .       .       .       .       .
drejebog:B@rollout    manage           .       .       .       .       .       .       .       .
drejebog:B@rollout    create-workshop  .       .       .       .       .       .       .       .
drejebog:B@rollout    change-phase     .       .       .       .       .       .       .       .
drejebog:B@rollout    run              .       .       .       .       .       .       .       .
drejebog:B@rollout    vote             .       .       .       .       .       .       .       .
drejebog:B@rollout    comment          .       .       .       .       .       .       .       .
drejebog:B@rollout    publish          .       .       .       .       .       .       .       .
drejebog:B@rollout    create-case      .       .       .       .       .       .       .       .
drejebog:B@rollout    manage-links     .       .       .       .       .       .       .       .
drejebog:B@rollout    close            .       .       .       .       .       .       .       .
drejebog:B@rollout    delete           .       .       .       .       .       .       .       .
drejebog:B@rollout    read-statistics  .       .       .       .       .       .       .       .
drejebog:B@rollout    access-export    .       .       .       .       .       .       .       .
drejebog:B@drift      read             .       y       .       .       .       .       .       .
drejebog:B@drift      write            .       .       .       .       .       .       .       .
drejebog:B@drift      manage           .       .       .       .       .       .       .       .
drejebog:B@drift      create-workshop  .       .       .       .       .       .       .       .
drejebog:B@drift      change-phase     .       .       .       .       .       .       .       .
drejebog:B@drift      run              .       .       .       .       .       .       .       .
drejebog:B@drift      vote             .       .       .       .       .       .       .       .
drejebog:B@drift      comment          .       .       .       .       .       .       .       .
drejebog:B@drift      publish          .       .       .       .       .       .       .       .
drejebog:B@drift      create-case      .       .       .       .       .       .       .       .
drejebog:B@drift      manage-links     .       .       .       .       .       .       .       .
drejebog:B@drift      close            .       .       .       .       .       .       .       .
drejebog:B@drift      delete           .       .       .       .       .       .       .       .
drejebog:B@drift      read-statistics  .       .       .       .       .       .       .       .
drejebog:B@drift      access-export    .       .       .       .       .       .       .       .
template:C@format     read             .       .       .       .       .       .       .       y
template:C@format     write            .       .       .       .       .       .       .       .
template:C@format     manage           .       .       .       .       .       .       .       .
template:C@format     create-workshop  .       .       .       .       .       .       .       .
template:C@format     change-phase     .       .       .       .       .       .       .       .
template:C@format     run              .       .       .       .       .       .       .       .
template:C@format     vote             .       .       .       .       .       .       .       .
template:C@format     comment          .       .       .       .       .       .       .       .
template:C@format     publish          .       .       .       .       .       .       .       .
template:C@format     create-case      .       .       .       .       .       .       .       .
template:C@format     manage-links     .       .       .       .       .       .       .       .
template:C@format     close            .       .       .       .       .       .       .       .
template:C@format     delete           .       .       .       .       .       .       .       .
template:C@format     read-statistics  .       .       .       .       .       .       .       .
template:C@format     access-export    .       .       .       .       .       .       .       .
template:C@drejebog   read             .       .       .       .       .       .       .       y
template:C@drejebog   write            .       .       .       .       .       .       .       .
template:C@drejebog   manage           .       .       .       .       .       .       .       .
template:C@drejebog   create-workshop  .       .       .       .       .       .       .       .
template:C@drejebog   change-phase     .       .       .       .       .       .       .       .
template:C@drejebog   run              .       .       .       .       .       .       .       .
template:C@drejebog   vote             .       .       .       .       .       .       .       .
template:C@drejebog   comment          .       .       .       .       .       .       .       .
template:C@drejebog   publish          .       .       .       .       .       .       .       .
template:C@drejebog   create-case      .       .       .       .       .       .       .       .
template:C@drejebog   manage-links     .       .       .       .       .       .       .       .
template:C@drejebog   close            .       .       .       .       .       .       .       .
template:C@drejebog   delete           .       .       .       .       .       .       .       .
template:C@drejebog   read-statistics  .       .       .       .       .       .       .       .
template:C@drejebog   access-export    .       .       .       .       .       .       .       .
template:C@rollout    read             .       .       .       .       .       .       .       y
template:C@rollout    write            .       .       .       .       .       .       .       .
template:C@rollout    manage           .       .       .       .       .       .       .       .
template:C@rollout    create-workshop  .       .       .       .       .       .       .       .
template:C@rollout    change-phase     .       .       .       .       .       .       .       .
template:C@rollout    run              .       .       .       .       .       .       .       .
template:C@rollout    vote             .       .       .       .       .       .       .       .
template:C@rollout    comment          .       .       .       .       .       .       .       .
template:C@rollout    publish          .       .       .       .       .       .       .       .
template:C@rollout    create-case      .       .       .       .       .       .       .       .
template:C@rollout    manage-links     .       .       .       .       .       .       .       .
template:C@rollout    close            .       .       .       .       .       .       .       .
template:C@rollout    delete           .       .       .       .       .       .       .       .
template:C@rollout    read-statistics  .       .       .       .       .       .       .       .
template:C@rollout    access-export    .       .       .       .       .       .       .       .
template:C@drift      read             .       .       .       .       .       .       .       y
template:C@drift      write            .       .       .       .       .       .       .       .
template:C@drift      manage           .       .       .       .       .       .       .       .
template:C@drift      create-workshop  .       .       .       .       .       .       .       .
template:C@drift      change-phase     .       .       .       .       .       .       .       .
template:C@drift      run              .       .       .       .       .       .       .       .
template:C@drift      vote             .       .       .       .       .       .       .       .
template:C@drift      comment          .       .       .       .       .       .       .       .
template:C@drift      publish          .       .       .       .       .       .       .       .
template:C@drift      create-case      .       .       .       .       .       .       .       .
template:C@drift      manage-links     .       .       .       .       .       .       .       .
template:C@drift      close            .       .       .       .       .       .       .       .
template:C@drift      delete           .       .       .       .       .       .       .       .
template:C@drift      read-statistics  .       .       .       .       .       .       .       .
template:C@drift      access-export    .       .       .       .       .       .       .       .
drejebog:C@format     read             .       .       .       .       .       .       .       y
drejebog:C@format     write            .       .       .       .       .       .       .       .
drejebog:C@format     manage           .       .       .       .       .       .       .       .
drejebog:C@format     create-workshop  .       .       .       .       .       .       .       .
drejebog:C@format     change-phase     .       .       .       .       .       .       .       .
drejebog:C@format     run              .       .       .       .       .       .       .       .
drejebog:C@format     vote             .       .       .       .       .       .       .       .
drejebog:C@format     comment          .       .       .       .       .       .       .       .
drejebog:C@format     publish          .       .       .       .       .       .       .       .
drejebog:C@format     create-case      .       .       .       .       .       .       .       .
drejebog:C@format     manage-links     .       .       .       .       .       .       .       .
drejebog:C@format     close            .       .       .       .       .       .       .       .
drejebog:C@format     delete           .       .       .       .       .       .       .       .
drejebog:C@format     read-statistics  .       .       .       .       .       .       .       .
drejebog:C@format     access-export    .       .       .       .       .       .       .       .
drejebog:C@drejebog   read             .       .       .       .       .       .       .       y
drejebog:C@drejebog   write            .       .       .       .       .       .       .       .
drejebog:C@drejebog   manage           .       .       .       .       .       .       .       .
drejebog:C@drejebog   create-workshop  .       .       .       .       .       .       .       .
drejebog:C@drejebog   change-phase     .       .       .       .       .       .       .       .
drejebog:C@drejebog   run              .       .       .       .       .       .       .       .
drejebog:C@drejebog   vote             .       .       .       .       .       .       .       .
drejebog:C@drejebog   comment          .       .       .       .       .       .       .       .
drejebog:C@drejebog   publish          .       .       .       .       .       .       .       .
drejebog:C@drejebog   create-case      .       .       .       .       .       .       .       .
drejebog:C@drejebog   manage-links     .       .       .       .       .       .       .       .
drejebog:C@drejebog   close            .       .       .       .       .       .       .       .
drejebog:C@drejebog   delete           .       .       .       .       .       .       .       .
drejebog:C@drejebog   read-statistics  .       .       .       .       .       .       .       .
drejebog:C@drejebog   access-export    .       .       .       .       .       .       .       .
drejebog:C@rollout    read             .       .       .       .       .       .       .       y
drejebog:C@rollout    write            .       .       .       .       .       .       .       .
drejebog:C@rollout    manage           .       .       .       .       .       .       .       .
drejebog:C@rollout    create-workshop  .       .       .       .       .       .       .       .
drejebog:C@rollout    change-phase     .       .       .       .       .       .       .       .
drejebog:C@rollout    run              .       .       .       .       .       .       .       .
drejebog:C@rollout    vote             .       .       .       .       .       .       .       .
drejebog:C@rollout    comment          .       .       .       .       .       .       .       .
drejebog:C@rollout    publish          .       .       .       .       .       .       .       .
drejebog:C@rollout    create-case      .       .       .       .       .       .       .       .
drejebog:C@rollout    manage-links     .       .       .       .       .       .       .       .
drejebog:C@rollout    close            .       .       .       .       .       .       .       .
drejebog:C@rollout    delete           .       .       .       .       .       .       .       .
drejebog:C@rollout    read-statistics  .       .       .       .       .       .       .       .
drejebog:C@rollout    access-export    .       .       .       .       .       .       .       .
drejebog:C@drift      read             .       .       .       .       .       .       .       y
drejebog:C@drift      write            .       .       .       .       .       .       .       .
drejebog:C@drift      manage           .       .       .       .       .       .       .       .
drejebog:C@drift      create-workshop  .       .       .       .       .       .       .       .
drejebog:C@drift      change-phase     .       .       .       .       .       .       .       .
drejebog:C@drift      run              .       .       .       .       .       .       .       .
drejebog:C@drift      vote             .       .       .       .       .       .       .       .
drejebog:C@drift      comment          .       .       .       .       .       .       .       .
drejebog:C@drift      publish          .       .       .       .       .       .       .       .
drejebog:C@drift      create-case      .       .       .       .       .       .       .       .
drejebog:C@drift      manage-links     .       .       .       .       .       .       .       .
drejebog:C@drift      close            .       .       .       .       .       .       .       .
drejebog:C@drift      delete           .       .       .       .       .       .       .       .
drejebog:C@drift      read-statistics  .       .       .       .       .       .       .       .
drejebog:C@drift      access-export    .       .       .       .       .       .       .       .
`;

type Row = { resource: string; action: Action; cells: Record<string, string> };

function parseTable(text: string): { actors: string[]; rows: Row[] } {
	const [header, ...lines] = text.trim().split('\n');
	const actors = header.trim().split(/\s+/).slice(2);
	const rows = lines.map((line) => {
		const [resource, action, ...cells] = line.trim().split(/\s+/);
		return {
			resource,
			action: action as Action,
			cells: Object.fromEntries(actors.map((actor, i) => [actor, cells[i]]))
		};
	});
	return { actors, rows };
}

function workshop(name: string, phase: Phase): WorkshopResource {
	return { type: 'workshop', id: name, orgId: name === 'C' ? 'Y' : 'X', phase };
}

/** Builds the resource a table row names: `org:X`, `workshop:A@format`, `template:A@drift`. */
function resourceNamed(name: string): Resource {
	const [type, rest] = name.split(':');
	if (type === 'org') return { type: 'org', id: rest };
	const [workshopName, phase] = rest.split('@') as [string, Phase];
	if (type === 'workshop') return workshop(workshopName, phase);
	return {
		type: 'document',
		id: `${type}-${workshopName}`,
		kind: type as DocumentKind,
		workshop: workshop(workshopName, phase)
	};
}

const table = parseTable(EXPECTED);

describe('authorization matrix', () => {
	it('has one column per actor and one row per resource and action', () => {
		expect(table.actors).toEqual(Object.keys(ACTORS));
		const resources = [
			'org:X',
			'org:Y',
			...PHASES.map((phase) => `workshop:A@${phase}`),
			'workshop:B@format',
			'workshop:C@format',
			...['A', 'B', 'C'].flatMap((w) =>
				DOCUMENT_KINDS.flatMap((kind) => PHASES.map((phase) => `${kind}:${w}@${phase}`))
			)
		];
		const expectedKeys = resources.flatMap((r) => ACTIONS.map((a) => `${r} ${a}`)).sort();
		expect(table.rows.map((r) => `${r.resource} ${r.action}`).sort()).toEqual(expectedKeys);
		for (const row of table.rows) {
			expect(Object.values(row.cells).every((c) => c === 'y' || c === '.')).toBe(true);
		}
	});

	it.each(table.rows)('$resource $action', ({ resource, action, cells }) => {
		const target = resourceNamed(resource);
		const actual = Object.fromEntries(
			Object.entries(ACTORS).map(([name, actor]) => [name, can(actor, action, target) ? 'y' : '.'])
		);
		expect(actual).toEqual(cells);
	});
});

describe('isolation', () => {
	const cellsFor = (actor: string, match: (resource: string) => boolean) =>
		table.rows.filter((r) => match(r.resource)).map((r) => ({ ...r, isAllowed: r.cells[actor] }));

	it('a member of workshop A cannot see workshop B or its documents', () => {
		for (const actor of ['memA', 'staffA', 'facA']) {
			const rows = cellsFor(actor, (r) => r.includes(':B@'));
			expect(rows.length).toBeGreaterThan(0);
			expect(rows.filter((r) => r.isAllowed === 'y')).toEqual([]);
			expect(can(ACTORS[actor], 'read', workshop('B', 'format'))).toBe(false);
		}
	});

	it('a user of municipality X cannot see municipality Y, its workshops or documents', () => {
		for (const actor of ['adminX', 'facX', 'memX', 'facA', 'memA', 'staffA']) {
			const rows = cellsFor(actor, (r) => r === 'org:Y' || r.includes(':C@'));
			expect(rows.filter((r) => r.isAllowed === 'y')).toEqual([]);
			expect(can(ACTORS[actor], 'read', { type: 'org', id: 'Y' })).toBe(false);
			expect(can(ACTORS[actor], 'read', workshop('C', 'format'))).toBe(false);
		}
	});

	it('refuses everything to a missing actor, null or undefined', () => {
		for (const row of table.rows) {
			expect(can(undefined, row.action, resourceNamed(row.resource))).toBe(false);
			expect(row.cells.none).toBe('.');
		}
	});
});

describe('readOnlyReason', () => {
	const doc = (kind: DocumentKind, phase: Phase) =>
		resourceNamed(`${kind}:A@${phase}`) as Extract<Resource, { type: 'document' }>;

	it('is null for whoever may write, and names the phase for a member after their days', () => {
		expect(readOnlyReason(ACTORS.memA, doc('template', 'format'))).toBeNull();
		expect(readOnlyReason(ACTORS.facA, doc('template', 'drift'))).toBeNull();
		expect(readOnlyReason(ACTORS.memA, doc('template', 'drejebog'))).toBe('phase');
		expect(readOnlyReason(ACTORS.memA, doc('drejebog', 'rollout'))).toBe('phase');
	});

	it('names the role for people who never write (staff, administrators)', () => {
		for (const phase of PHASES) {
			expect(readOnlyReason(ACTORS.staffA, doc('drejebog', phase))).toBe('role');
			expect(readOnlyReason(ACTORS.adminX, doc('template', phase))).toBe('role');
		}
	});

	it('agrees with can() on every document cell of the matrix', () => {
		for (const row of table.rows.filter((r) => r.action === 'write' && r.resource.includes('@'))) {
			const target = resourceNamed(row.resource);
			if (target.type !== 'document') continue;
			for (const [name, actor] of Object.entries(ACTORS)) {
				expect(readOnlyReason(actor, target) === null).toBe(row.cells[name] === 'y');
			}
		}
	});
});
