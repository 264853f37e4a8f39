/** The duty roster: who is on duty at which reception point, when; the wall screen shows who is on duty now. */
package vn.situationroom.roster;
