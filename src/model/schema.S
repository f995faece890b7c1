/* schema.S - the RelaxNG schema, compiled into the binary so that a
 * report validates the same wherever boardpress runs. */
    .section .rodata
    .global parse_schema_start
    .global parse_schema_end
parse_schema_start:
    .incbin "src/model/schema/report.rng"
parse_schema_end:
    .byte 0
    .section .note.GNU-stack,"",@progbits
