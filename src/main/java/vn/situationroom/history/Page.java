package vn.situationroom.history;

import java.util.List;

/**
 * One page of a list from the history, with the total the filters match.
 *
 * @param page the page, from 0
 * @param size the most items a page holds
 * @param total how many items the filters match in all
 * @param items the items of this page
 */
public record Page<T>(int page, int size, long total, List<T> items) {}
