/** The administrator's screens: accounts and roles, API and kiosk tokens, the audit log. */
package vn.situationroom.ui.admin;
