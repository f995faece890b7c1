/* main.c - runs every unit test and prints "unit: N passed, N failed".
 * Tests run with the repository's root as the working directory. */
#include <stdio.h>

#include "check.h"
#include "diag.h"
#include "enc.h"
#include "parse.h"

int check_failures;

#define TESTS(X) \
    X(test_arena_alloc) X(test_arena_strings) \
    X(test_utf8_valid) X(test_utf8_boundaries) X(test_utf8_overlong) X(test_utf8_surrogate) \
    X(test_utf8_truncated) X(test_utf8_too_large) X(test_utf8_empty) X(test_utf8_encode) \
    X(test_enc_names) X(test_enc_cp1252_bytes) X(test_enc_not_encodable) X(test_enc_other_pages) \
    X(test_enc_pick) X(test_enc_encode) X(test_enc_utf8) X(test_enc_library) \
    X(test_font_widths) X(test_font_serif) X(test_font_has) X(test_font_text_width) \
    X(test_font_missing) X(test_font_not_a_font) X(test_font_truncated) X(test_font_format12) \
    X(test_font_hhea_metrics) X(test_font_cmap_fallback) X(test_font_bad_tables) X(test_font_fuzz) \
    X(test_label_numbers) X(test_label_expand) \
    X(test_linebreak_fill) X(test_linebreak_first_line) X(test_linebreak_forced_and_wide) \
    X(test_linebreak_total_fit_differs_from_greedy) X(test_linebreak_total_fit_hyphen_and_forced) \
    X(test_linebreak_total_fit_is_optimal) X(test_linebreak_hyphen_runs) X(test_linebreak_final_hyphen) \
    X(test_hyph_words) X(test_hyph_never_inside) X(test_hyph_each_word_once) \
    X(test_diag_format) X(test_diag_once) \
    X(test_layout_justified_lines_fill_measure) X(test_layout_long_word_stays_inside) \
    X(test_layout_heading_not_stranded) X(test_layout_footer_counts_pages) \
    X(test_layout_widows_and_orphans) X(test_layout_heading_keeps_two_lines) X(test_layout_orgchart) \
    X(test_layout_structure) \
    X(test_table_widths_fit_at_max) X(test_table_widths_between) X(test_table_widths_too_narrow) \
    X(test_table_widths_fixed) X(test_table_shared_widths) X(test_chart_ticks) X(test_money_parse) X(test_money_format) \
    X(test_money_limits) X(test_mem_grow) X(test_layout_length_limits) \
    X(test_file_kinds) X(test_file_identity) X(test_file_output) \
    X(test_image_jpeg_kinds) X(test_image_jpeg_cut_and_changed) X(test_date_iso) X(test_date_epoch)

#define DECLARE(name) void name(void);
TESTS(DECLARE)

int main(void)
{
    struct { const char *name; void (*fn)(void); } tests[] = {
#define ENTRY(name) { #name, name },
        TESTS(ENTRY)
    };
    int passed = 0, failed = 0;
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        int before = check_failures;
        tests[i].fn();
        if (check_failures == before) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "FAIL %s\n", tests[i].name);
        }
    }
    parse_shutdown();
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
