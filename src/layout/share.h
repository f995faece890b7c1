/* share.h - tables of one section with the same column headings share
 * their column widths.
 *
 * Each table records, under its group (its parent element and the
 * headings of its columns after the first), the narrowest and natural
 * widths of its columns; on the next layout pass every table of a group
 * of two or more is measured as if it held the columns of all of them,
 * so that stacked tables line up. A pass whose groups differ from what
 * the pass before recorded asks for one more pass.
 */
#ifndef BP_SHARE_H
#define BP_SHARE_H

typedef struct share_map share_map;

share_map *share_new(void);
void share_free(share_map *m);
/* Starts a layout pass: what the pass before recorded is what tables of
 * this pass are measured with. */
void share_next_pass(share_map *m);
/* Whether a group recorded this pass differs from what it was measured
 * with (another pass would change some table's widths). */
int share_changed(const share_map *m);
/* Records the extents of a table of n columns (mn, mx) under its group
 * (parent, key); widens mn and mx to those of the group as the pass
 * before recorded it, when that group held two tables or more of n
 * columns. */
void share_widths(share_map *m, const void *parent, const char *key, int n, double *mn, double *mx);

#endif
