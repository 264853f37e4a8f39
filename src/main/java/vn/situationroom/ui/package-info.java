/**
 * The user interface: the app shell, the shared components (the commune map), the translations, and the views that
 * draw on several features.
 */
package vn.situationroom.ui;
