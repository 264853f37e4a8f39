/**
 * The situation room for citizen reception in an election period. Each sub-package is one feature that owns its
 * data, logic, topics and screens; {@code platform} is the shared ground under them.
 */
package vn.situationroom;
