/**
 * Alerts: what people do with the alerts the analytics raise. Acknowledging and resolving go through one service that
 * writes a command to {@code alert-commands}; the analytics apply it, so every app instance sees the same state.
 */
package vn.situationroom.alerts;
