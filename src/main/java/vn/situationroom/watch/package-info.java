/** The communes' watch lists of crowd delegations and prolonged complainants: from the events, and curated by hand. */
package vn.situationroom.watch;
