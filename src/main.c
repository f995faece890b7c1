/* main.c - the boardpress command line.
 *
 *   boardpress render IN.xml [-o OUT.pdf] [--template NAME|PATH] [--strict] [--stats] [--pdfa]
 *   boardpress check IN.xml [--strict]
 *
 * Exit status: 0 success, 1 bad input (the report, its template or its
 * files), 2 bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "diag.h"
#include "enc.h"
#include "file.h"
#include "layout.h"
#include "parse.h"
#include "render.h"
#include "style.h"
#include "template.h"

#define BOARDPRESS_VERSION "0.1.0"

static const char usage[] =
    "usage: boardpress render IN.xml [-o OUT.pdf] [--template NAME|PATH] [--strict] [--stats] [--pdfa]\n"
    "                         [--allow-outside-paths]\n"
    "       boardpress check IN.xml [--strict]\n"
    "       boardpress --help | --version\n";

static const char help[] =
    "boardpress turns the XML description of a safeguarding board's report into\n"
    "a print-ready PDF.\n\n"
    "commands:\n"
    "  render IN.xml      lay out and write the PDF (OUT defaults to IN with .pdf)\n"
    "  check IN.xml       validate and check the report without writing anything\n\n"
    "options:\n"
    "  -o OUT.pdf         where to write the PDF\n"
    "  --template T       a template name (templates/T.xml) or a path to one\n"
    "  --strict           treat warnings as errors\n"
    "  --stats            print layout statistics to stderr\n"
    "  --pdfa             write PDF/A-1b (for archiving)\n"
    "  --allow-outside-paths  let the report name files outside its own folder\n"
    "  --help, --version\n\n"
    "Messages read file:line:col: error|warning: text. Exit status is 0 on\n"
    "success, 1 for bad input and 2 for bad usage.\n";

typedef struct options {
    const char *command, *input, *output, *template_name;
    int strict, stats, pdfa, outside_paths;
} options;

static int bad_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "boardpress: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage);
    return 2;
}

/* Returns -1 when parsing succeeded, else the exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    if (argc < 2)
        return bad_usage("%s", "no command given");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            fputs("\n", stdout);
            fputs(help, stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("boardpress %s\n", BOARDPRESS_VERSION);
            return 0;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--template") == 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            if (a[1] == 'o')
                o->output = argv[++i];
            else
                o->template_name = argv[++i];
        } else if (strcmp(a, "--strict") == 0) {
            o->strict = 1;
        } else if (strcmp(a, "--stats") == 0) {
            o->stats = 1;
        } else if (strcmp(a, "--pdfa") == 0) {
            o->pdfa = 1;
        } else if (strcmp(a, "--allow-outside-paths") == 0) {
            o->outside_paths = 1;
        } else if (a[0] == '-' && a[1]) {
            return bad_usage("unknown option %s", a);
        } else if (!o->command) {
            o->command = a;
        } else if (!o->input) {
            o->input = a;
        } else {
            return bad_usage("unexpected argument %s", a);
        }
    }
    if (strcmp(o->command, "render") != 0 && strcmp(o->command, "check") != 0)
        return bad_usage("unknown command %s", o->command);
    if (!o->input)
        return bad_usage("%s needs an input file", o->command);
    if (o->output && strcmp(o->command, "render") != 0)
        return bad_usage("%s", "-o goes with render");
    return -1;
}

static const char *default_output(arena *a, const char *input)
{
    size_t len = strlen(input);
    if (len > 4 && strcmp(input + len - 4, ".xml") == 0)
        len -= 4;
    return arena_printf(a, "%.*s.pdf", (int)len, input);
}

/* A template file the report names: like its pictures, it must lie in
 * the report's folder unless --allow-outside-paths is given, and any
 * problem with the file is located at the element that names it. */
static style_template *report_template(arena *a, const options *o, const model_doc *doc,
                                       const char *named, diag *dg)
{
    const model_node *root = doc->root;
    if (!o->outside_paths && !model_path_inside(named)) {
        diag_error(dg, doc->file, root->line, root->col,
                   "template '%s' is outside the report's folder (--allow-outside-paths allows it)", named);
        return NULL;
    }
    const char *path = model_resolve(a, doc, named);
    char why[FILE_WHY_MAX];
    size_t len = 0;
    unsigned char *buf = file_read(path, model_folder(doc), TEMPLATE_MAX_BYTES, &len, NULL, why, sizeof why);
    if (!buf) {
        diag_error(dg, doc->file, root->line, root->col, "template '%s' %s", named, why);
        return NULL;
    }
    style_template *t = template_parse((const char *)buf, len, path, a, dg);
    free(buf);
    return t;
}

/* The template: --template, else the report's template attribute (a
 * name, or a file beside the report), else "default". NULL after an
 * error. */
static style_template *load_template(arena *a, const options *o, const model_doc *doc, diag *dg)
{
    const char *named = o->template_name ? o->template_name : model_attr_get(doc->root, "template");
    const char *path = template_find(named ? named : "default", a);
    if (o->template_name || path != named)
        return template_load(path, a, dg);     /* the user's choice, or the installation's */
    return report_template(a, o, doc, named, dg);
}

/* The PDF is renamed over what is at out: that must not be a link, a
 * device, a pipe or a folder, nor a file the run reads. */
static int output_allowed(const options *o, const char *out, const style_template *t, diag *dg)
{
    file_identity ids[2];
    const char *what[2];
    int n = 0;
    if (file_identify(o->input, &ids[n]) == 0)
        what[n++] = "the report";
    if (file_identify(t->path, &ids[n]) == 0)
        what[n++] = "the template";
    char why[FILE_WHY_MAX];
    if (file_output_ok(out, ids, what, n, why, sizeof why) == 0)
        return 1;
    diag_error(dg, out, 0, 0, "the output %s", why);
    return 0;
}

static int render(arena *a, const options *o, const model_doc *doc, diag *dg)
{
    style_template *t = load_template(a, o, doc, dg);
    if (!t)
        return 1;
    const char *out = o->output ? o->output : default_output(a, o->input);
    if (!output_allowed(o, out, t, dg)) {
        style_release(t);
        return 1;
    }
    layout_stats stats = { 0 };
    dl_doc *d = layout_run(doc, t, a, &stats, dg);
    int rc = 1;
    if (d && diag_errors(dg) == 0) {
        render_options ro = { o->pdfa, t->pdfa_profile, t->pdfa_condition };
        rc = render_pdf(d, out, &ro, dg) == 0 ? 0 : 1;
        if (o->stats)
            fprintf(stderr, "stats: pages=%d lines=%d hyphenated=%d loose=%d overfull=%d widows=%d "
                    "orphans=%d stranded-headings=%d underfull=%d broken=%d passes=%d\n", stats.pages,
                    stats.lines, stats.hyphenated, stats.loose, stats.overfull, stats.widows,
                    stats.orphans, stats.stranded_headings, stats.underfull, stats.broken, stats.passes);
    }
    style_release(t);
    return rc;
}

int main(int argc, char **argv)
{
    options o = { 0 };
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;
    diag *dg = diag_new(stderr, o.strict);
    arena *a = arena_new();
    model_doc *doc = parse_file(o.input, a, dg);
    if (doc)
        doc->allow_outside = o.outside_paths;
    rc = 1;
    if (doc && check_run(doc, dg) == 0 && diag_errors(dg) == 0)
        rc = strcmp(o.command, "check") == 0 ? 0 : render(a, &o, doc, dg);
    arena_free(a);
    diag_free(dg);
    parse_shutdown();
    return rc;
}
