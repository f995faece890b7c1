/* test_layout.c - layout against the default template: lines fill their
 * measure, justified lines end flush, keeps and page breaks hold. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "layout.h"
#include "template.h"
#include "parse.h"

static dl_doc *lay(arena *a, const char *xml, style_template **t)
{
    diag *dg = diag_new(stderr, 0);
    model_doc *doc = parse_memory(xml, strlen(xml), "test.xml", a, dg);
    CHECK(doc != NULL);
    *t = template_load("templates/default.xml", a, dg);
    CHECK(*t != NULL);
    dl_doc *d = NULL;
    if (doc && *t) {
        layout_stats st = { 0 };
        d = layout_run(doc, *t, a, &st, dg);
    }
    diag_free(dg);
    return d;
}

#define HEAD "<report><meta><board>B</board><title>T</title></meta>"

static const char long_para[] =
    "The inspection report also identified concerns regarding the effectiveness of the Kent "
    "Safeguarding Children Board. The report identified the need for improvements in respect of "
    "non-compliance with statutory guidance with not all agencies represented on the Board, work "
    "needed to re-align missing children guidance to clarify thresholds and most importantly to "
    "develop an effective quality assurance framework.";

void test_layout_justified_lines_fill_measure(void)
{
    arena *a = arena_new();
    style_template *t;
    char xml[4096];
    snprintf(xml, sizeof xml, HEAD "<p>%s</p></report>", long_para);
    dl_doc *d = lay(a, xml, &t);
    CHECK(d && d->npages == 1);
    if (d) {
        double left = t->margin_left, right = t->page_width - t->margin_right;
        int lines = 0, flush = 0;
        double last_y = 1e9;
        for (dl_item *it = d->first->first; it; it = it->next) {
            if (it->kind != DL_TEXT || it->role != ROLE_BODY)
                continue;
            lines++;
            CHECK(it->x >= left - 0.01);
            CHECK(it->x + it->w <= right + 0.01);   /* nothing past the margin */
            CHECK(it->y < last_y);                  /* lines go down the page */
            last_y = it->y;
            if (fabs(it->x + it->w - right) < 0.01)
                flush++;
        }
        CHECK(lines >= 4);
        CHECK_INT(flush, lines - 1);  /* every line but the last is justified */
    }
    style_release(t);
    arena_free(a);
}

void test_layout_long_word_stays_inside(void)
{
    arena *a = arena_new();
    style_template *t;
    dl_doc *d = lay(a, HEAD "<p>See https://www.example.org/a/very/long/address/that/"
                       "goes/on/and/on/far/beyond/the/width/of/any/column/index.html now</p></report>", &t);
    CHECK(d != NULL);
    if (d) {
        double right = t->page_width - t->margin_right;
        int runs = 0;
        for (dl_item *it = d->first->first; it; it = it->next)
            if (it->kind == DL_TEXT && it->role == ROLE_BODY) {
                runs++;
                CHECK(it->x + it->w <= right + 0.01);
            }
        CHECK(runs >= 2);
    }
    style_release(t);
    arena_free(a);
}

void test_layout_heading_not_stranded(void)
{
    /* enough paragraphs to fill most of a page, then a heading: the
     * heading must never be the last thing on a page */
    arena *a = arena_new();
    style_template *t;
    static char xml[200000];
    size_t n = (size_t)snprintf(xml, sizeof xml, HEAD);
    for (int k = 0; k < 60; k++) {
        n += (size_t)snprintf(xml + n, sizeof xml - n, "<section><title>Heading %d</title>", k);
        for (int j = 0; j < k % 4 + 1; j++)
            n += (size_t)snprintf(xml + n, sizeof xml - n, "<p>%s</p>", long_para);
        n += (size_t)snprintf(xml + n, sizeof xml - n, "</section>");
    }
    snprintf(xml + n, sizeof xml - n, "</report>");
    dl_doc *d = lay(a, xml, &t);
    CHECK(d && d->npages > 5);
    for (dl_page *p = d ? d->first : NULL; p; p = p->next) {
        const dl_item *last = NULL;
        for (dl_item *it = p->first; it; it = it->next)
            if (it->kind == DL_TEXT && it->role != ROLE_ARTIFACT)
                last = it;
        CHECK(last && last->role != ROLE_HEADING);
        /* every text item lies within the page's margins */
        for (dl_item *it = p->first; it; it = it->next)
            if (it->kind == DL_TEXT && it->role != ROLE_ARTIFACT)
                CHECK(it->y >= t->margin_bottom - 0.01 && it->y <= t->page_height - t->margin_top);
    }
    style_release(t);
    arena_free(a);
}

void test_layout_footer_counts_pages(void)
{
    arena *a = arena_new();
    style_template *t;
    static char xml[100000];
    size_t n = (size_t)snprintf(xml, sizeof xml, HEAD);
    for (int k = 0; k < 40; k++)
        n += (size_t)snprintf(xml + n, sizeof xml - n, "<p>%s</p>", long_para);
    snprintf(xml + n, sizeof xml - n, "</report>");
    dl_doc *d = lay(a, xml, &t);
    CHECK(d && d->npages >= 2);
    if (d) {
        char want[64];
        snprintf(want, sizeof want, "Page %d of %d", d->npages, d->npages);
        int found = 0;
        for (dl_item *it = d->last->first; it; it = it->next)
            if (it->kind == DL_TEXT && it->role == ROLE_ARTIFACT && strcmp(it->bytes, want) == 0)
                found = 1;
        CHECK(found);
    }
    style_release(t);
    arena_free(a);
}

/* Lines (distinct baselines) of paragraph para on page p. */
static int lines_on_page(const dl_page *p, const model_node *para)
{
    double ys[200];
    int n = 0;
    for (const dl_item *it = p->first; it; it = it->next) {
        if (it->kind != DL_TEXT || !it->src || it->src->parent != para)
            continue;
        int seen = 0;
        for (int k = 0; k < n; k++)
            seen |= fabs(ys[k] - it->y) < 0.01;
        if (!seen && n < 200)
            ys[n++] = it->y;
    }
    return n;
}

/* Sweeps a paragraph of five lines down the page, one filler line at a
 * time: wherever a page break falls in it, at least two of its lines
 * stay on each side (orphans and widows 2 in the default template). */
void test_layout_widows_and_orphans(void)
{
    static char xml[100000];
    for (int filler = 30; filler < 70; filler++) {
        arena *a = arena_new();
        size_t n = (size_t)snprintf(xml, sizeof xml, HEAD);
        for (int k = 0; k < filler; k++)
            n += (size_t)snprintf(xml + n, sizeof xml - n, "<p>Filler line %d.</p>", k);
        n += (size_t)snprintf(xml + n, sizeof xml - n, "<p id=\"x\">%s %s</p></report>",
                              long_para, long_para);
        style_template *t;
        dl_doc *d = lay(a, xml, &t);
        const model_node *para = NULL;
        CHECK(d != NULL);
        if (d) {
            /* the paragraph is the report's last child */
            const dl_item *any = NULL;
            for (dl_page *p = d->first; p; p = p->next)
                for (dl_item *it = p->first; it; it = it->next)
                    if (it->kind == DL_TEXT && it->src && it->src->parent &&
                        model_attr_get(it->src->parent, "id"))
                        any = it;
            para = any ? any->src->parent : NULL;
            CHECK(para != NULL);
            int total = 0;
            for (dl_page *p = d->first; p && para; p = p->next) {
                int k = lines_on_page(p, para);
                total += k;
                CHECK(k == 0 || k >= 2);
            }
            CHECK(total >= 6);
        }
        style_release(t);
        arena_free(a);
    }
}

/* A heading swept down the page keeps two lines of its text with it. */
void test_layout_heading_keeps_two_lines(void)
{
    static char xml[100000];
    for (int filler = 30; filler < 60; filler++) {
        arena *a = arena_new();
        size_t n = (size_t)snprintf(xml, sizeof xml, HEAD);
        for (int k = 0; k < filler; k++)
            n += (size_t)snprintf(xml + n, sizeof xml - n, "<p>Filler line %d.</p>", k);
        n += (size_t)snprintf(xml + n, sizeof xml - n,
                              "<section><title>Swept heading</title><p id=\"x\">%s</p></section></report>",
                              long_para);
        style_template *t;
        dl_doc *d = lay(a, xml, &t);
        CHECK(d != NULL);
        for (dl_page *p = d ? d->first : NULL; p; p = p->next) {
            int heading = 0;
            const model_node *para = NULL;
            for (dl_item *it = p->first; it; it = it->next) {
                if (it->kind == DL_TEXT && it->role == ROLE_HEADING)
                    heading = 1;
                if (it->kind == DL_TEXT && it->src && it->src->parent &&
                    model_attr_get(it->src->parent, "id"))
                    para = it->src->parent;
            }
            if (heading)
                CHECK(para && lines_on_page(p, para) >= 2);
        }
        style_release(t);
        arena_free(a);
    }
}

/* An organisation chart: no two boxes overlap, every connector ends on
 * a box's edge or on another connector, and the chart stays within the
 * text width. */
void test_layout_orgchart(void)
{
    static char xml[20000];
    size_t n = (size_t)snprintf(xml, sizeof xml, HEAD "<structure><unit id=\"b\">Main Board</unit>"
                                "<unit id=\"e\" reports-to=\"b\">Executive</unit>");
    for (int k = 0; k < 9; k++)
        n += (size_t)snprintf(xml + n, sizeof xml - n,
                              "<unit id=\"s%d\" reports-to=\"e\">Subgroup number %d with a long name</unit>", k, k);
    n += (size_t)snprintf(xml + n, sizeof xml - n, "<unit id=\"x\" reports-to=\"b\">Business Unit</unit>"
                          "<unit id=\"y\" reports-to=\"x\">Training</unit></structure></report>");
    arena *a = arena_new();
    style_template *t;
    dl_doc *d = lay(a, xml, &t);
    CHECK(d != NULL);
    if (d) {
        const dl_item *box[32], *rule[64];
        int nb = 0, nr = 0;
        for (const dl_item *it = d->first->first; it; it = it->next) {
            if (it->kind == DL_RECT && it->line_width > 0 && nb < 32)
                box[nb++] = it;
            if (it->kind == DL_RULE && it->role == ROLE_ARTIFACT && it->y > t->margin_bottom &&
                it->y < t->page_height - t->margin_top && nr < 64)
                rule[nr++] = it;
        }
        CHECK_INT(nb, 13);
        for (int i = 0; i < nb; i++) {
            CHECK(box[i]->x >= t->margin_left - 0.01);
            CHECK(box[i]->x + box[i]->w <= t->page_width - t->margin_right + 0.01);
            for (int k = i + 1; k < nb; k++) {
                double ox = fmin(box[i]->x + box[i]->w, box[k]->x + box[k]->w) - fmax(box[i]->x, box[k]->x);
                double oy = fmin(box[i]->y + box[i]->h, box[k]->y + box[k]->h) - fmax(box[i]->y, box[k]->y);
                CHECK(ox <= 0.01 || oy <= 0.01);
            }
        }
        /* each connector's ends touch a box or another connector */
        for (int i = 0; i < nr; i++) {
            double ends[2][2] = { { rule[i]->x, rule[i]->y }, { rule[i]->x2, rule[i]->y2 } };
            for (int e = 0; e < 2; e++) {
                double x = ends[e][0], y = ends[e][1];
                int touches = 0;
                for (int k = 0; k < nb && !touches; k++)
                    touches = x >= box[k]->x - 0.01 && x <= box[k]->x + box[k]->w + 0.01 &&
                              (fabs(y - box[k]->y) < 0.01 || fabs(y - box[k]->y - box[k]->h) < 0.01);
                for (int k = 0; k < nr && !touches; k++)
                    touches = k != i && x >= fmin(rule[k]->x, rule[k]->x2) - 0.01 &&
                              x <= fmax(rule[k]->x, rule[k]->x2) + 0.01 &&
                              y >= fmin(rule[k]->y, rule[k]->y2) - 0.01 &&
                              y <= fmax(rule[k]->y, rule[k]->y2) + 0.01;
                CHECK(touches);
            }
        }
    }
    style_release(t);
    arena_free(a);
}

/* The first item drawn for the text s (a run starting with it). */
static const dl_item *item_with(const dl_doc *d, const char *s)
{
    for (const dl_page *p = d->first; p; p = p->next)
        for (const dl_item *it = p->first; it; it = it->next)
            if (it->kind == DL_TEXT && strncmp(it->bytes, s, strlen(s)) == 0)
                return it;
    return NULL;
}

/* What render writes the tagged PDF from, worked out by layout: each
 * item's structure element with its type, parents, cells' headers and
 * spans, and where it was set from; decoration is an artifact. */
void test_layout_structure(void)
{
    arena *a = arena_new();
    style_template *t;
    dl_doc *d = lay(a, HEAD "<chapter><title>Alpha</title><section><title>Beta</title>"
                       "<p>Gamma text.</p><list><item>Delta item</item></list>"
                       "<table><head><row><cell colspan=\"2\">Epsilon</cell></row></head>"
                       "<row><cell rowspan=\"2\">Zeta</cell><cell>Eta</cell></row>"
                       "<row><cell>Theta</cell></row></table></section></chapter></report>", &t);
    CHECK(d != NULL && d->document && strcmp(d->document->tag, "Document") == 0);
    const dl_item *h1 = d ? item_with(d, "Alpha") : NULL, *h2 = d ? item_with(d, "Beta") : NULL;
    const dl_item *p = d ? item_with(d, "Gamma") : NULL, *li = d ? item_with(d, "Delta") : NULL;
    const dl_item *th = d ? item_with(d, "Epsilon") : NULL, *td = d ? item_with(d, "Zeta") : NULL;
    CHECK(h1 && h1->st && strcmp(h1->st->tag, "H1") == 0 && strcmp(h1->st->parent->tag, "Sect") == 0);
    CHECK(h2 && h2->st && strcmp(h2->st->tag, "H2") == 0);
    CHECK(p && p->st && strcmp(p->st->tag, "P") == 0 && p->at && p->at->line == 1);
    CHECK(p && p->st && h2->st && p->st->parent == h2->st->parent);     /* the section */
    CHECK(li && li->st && strcmp(li->st->tag, "LBody") == 0 && strcmp(li->st->parent->tag, "LI") == 0);
    CHECK(th && th->st && strcmp(th->st->tag, "TH") == 0 && th->st->scope == DL_SCOPE_COLUMN &&
          th->st->colspan == 2 && th->st->rowspan == 1);
    CHECK(td && td->st && strcmp(td->st->tag, "TD") == 0 && td->st->scope == DL_SCOPE_NONE &&
          td->st->rowspan == 2 && strcmp(td->st->parent->tag, "TR") == 0);
    int artifacts = 0;
    for (const dl_page *pg = d ? d->first : NULL; pg; pg = pg->next)
        for (const dl_item *it = pg->first; it; it = it->next)
            if (it->kind == DL_RULE) {
                artifacts++;
                CHECK(it->st == NULL);     /* the table's rules are decoration */
            }
    CHECK(artifacts > 0);
    style_release(t);
    arena_free(a);
}
