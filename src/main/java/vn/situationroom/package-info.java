/**
 * The situation room for citizen reception in an election period. Each sub-package is one feature; the
 * {@link vn.situationroom.Topics} class at this root is the Kafka contract that the features share.
 */
package vn.situationroom;
