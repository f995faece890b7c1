/* style.c - a template read: its styles found by name, its fonts loaded
 * as layout first needs them. */
#include "style.h"

#include <string.h>

int style_lookup(const style_template *t, const char *name)
{
    for (int i = 0; i < t->nstyles; i++)
        if (strcmp(t->styles[i].name, name) == 0)
            return i;
    return -1;
}

int style_face_index(int bold, int italic)
{
    return bold ? (italic ? FACE_BOLD_ITALIC : FACE_BOLD) : (italic ? FACE_ITALIC : FACE_REGULAR);
}

font *style_face(style_template *t, int family, int face, diag *dg)
{
    style_family *f = &t->families[family];
    if (!f->face[face]) {
        char err[200];
        f->face[face] = font_load(f->path[face], err, sizeof err);
        if (!f->face[face])
            diag_error(dg, t->path, f->tline, 0, "font %s: %s", f->path[face], err);
    }
    return f->face[face];
}

void style_release(style_template *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->nfamilies; i++)
        for (int k = 0; k < FACE_COUNT; k++) {
            font_free(t->families[i].face[k]);
            t->families[i].face[k] = NULL;
        }
}
