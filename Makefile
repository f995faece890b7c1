# boardpress - build, test, demo and benchmark.
#
#   make          build ./boardpress
#   make demo     install what is missing, build, render samples/*.xml to out/
#   make check    install what is missing, build, run the whole test suite
#   make bench    time every sample and a generated 500-page report
#   make fuzz     fuzz a target (FUZZ_TARGET=pipeline|image|template) for FUZZ_SECONDS

CC      ?= gcc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CPPFLAGS += $(shell xml2-config --cflags 2>/dev/null || echo -I/usr/include/libxml2)
LDLIBS  := -lhpdf -lxml2 -lhyphen -lpng -lz -lm
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# The source tree reads as the path a report takes (docs/architecture.md):
# base (no knowledge of reports), model (the report and its template,
# read and checked), layout (pages as a display list), pdf (the file).
DIRS    := base model layout pdf
SRC     := $(foreach d,$(DIRS),$(wildcard src/$(d)/*.c))
HDR     := $(foreach d,$(DIRS),$(wildcard src/$(d)/*.h))
INC     := $(DIRS:%=-Isrc/%)
OBJ     := $(SRC:src/%.c=build/%.o) build/schema.o
SANOBJ  := $(SRC:src/%.c=build/asan/%.o) build/schema.o
SCHEMA  := src/model/schema.S src/model/schema/report.rng
UNIT    := $(wildcard tests/unit/*.c)
SAMPLES := $(wildcard samples/*.xml)

FUZZ_SECONDS ?= 60
FUZZ_TARGET ?= pipeline
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_DEPS := $(SRC) $(HDR) $(SCHEMA)
FUZZ_BINS := build/fuzz build/fuzz-image build/fuzz-template
FUZZ_MUTATOR := tests/fuzz/xml_mutator.c tests/fuzz/xml_mutator.h tests/fuzz/refused.h
# Debian's python3, which has python3-pil for the generated JPEGs
PYTHON  := $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)

.PHONY: all deps demo check unit integration bench fuzz fuzz-seeds sheets enc-tables clean

all: boardpress

deps:
	@sh mk/deps.sh

boardpress: $(OBJ) build/main.o
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/asan/boardpress: $(SANOBJ) build/asan/main.o
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

build/%.o: src/%.c $(HDR) | build
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(INC) -c -o $@ $<

build/asan/%.o: src/%.c $(HDR) | build
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(SAN) $(CPPFLAGS) $(INC) -c -o $@ $<

build/schema.o: $(SCHEMA) | build
	$(CC) -c -o $@ src/model/schema.S

build/unit: $(UNIT) $(OBJ) | build
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(INC) -o $@ $(UNIT) $(OBJ) $(LDLIBS)

build/asan/unit: $(UNIT) $(SANOBJ) | build
	$(CC) $(WARN) $(CFLAGS) $(SAN) $(CPPFLAGS) $(INC) -o $@ $(UNIT) $(SANOBJ) $(LDLIBS)

build:
	@mkdir -p build/asan

demo: deps
	@$(MAKE) --no-print-directory boardpress
	@mkdir -p out
	@for f in $(SAMPLES); do \
	    o=out/$$(basename $$f .xml).pdf; \
	    ./boardpress render $$f -o $$o && echo "rendered $$o" || exit 1; \
	done
	@echo "The PDFs are in $$(pwd)/out/"

check: deps
	@$(MAKE) --no-print-directory boardpress build/asan/boardpress build/unit build/asan/unit
	@sh tests/run.sh

# The fuzz targets: the whole pipeline (a report), picture checking (a
# PNG or JPEG) and template reading (a template, then a report laid out
# with it); see tests/fuzz/fuzz.sh. Reports and templates are mutated as
# XML trees (tests/fuzz/xml_mutator.c) as well as bytes.
build/fuzz: tests/fuzz/fuzz_pipeline.c $(FUZZ_MUTATOR) $(FUZZ_DEPS) | build
	clang $(WARN) $(FUZZ_FLAGS) $(CPPFLAGS) $(INC) -o $@ tests/fuzz/fuzz_pipeline.c tests/fuzz/xml_mutator.c $(SRC) src/model/schema.S $(LDLIBS)

build/fuzz-image: tests/fuzz/fuzz_image.c $(FUZZ_DEPS) | build
	clang $(WARN) $(FUZZ_FLAGS) $(CPPFLAGS) $(INC) -o $@ tests/fuzz/fuzz_image.c $(SRC) src/model/schema.S $(LDLIBS)

build/fuzz-template: tests/fuzz/fuzz_template.c $(FUZZ_MUTATOR) $(FUZZ_DEPS) | build
	clang $(WARN) $(FUZZ_FLAGS) $(CPPFLAGS) $(INC) -o $@ tests/fuzz/fuzz_template.c tests/fuzz/xml_mutator.c $(SRC) src/model/schema.S $(LDLIBS)

# Generated seeds (tests/fuzz/gen_corpus.py): reports with the pictures
# they name, odd PNGs and JPEGs, template variants.
build/fuzz-seeds/stamp: tests/fuzz/gen_corpus.py $(wildcard templates/*.xml tests/good/images/*) | build
	@rm -rf build/fuzz-seeds
	@$(PYTHON) tests/fuzz/gen_corpus.py images build/fuzz-seeds/reports/images
	@$(PYTHON) tests/fuzz/gen_corpus.py reports build/fuzz-seeds/reports
	@$(PYTHON) tests/fuzz/gen_corpus.py templates build/fuzz-seeds/templates
	@touch $@

fuzz-seeds: build/fuzz-seeds/stamp

# The dictionaries follow the vocabulary and the supplied templates.
tests/fuzz/report.dict: src/model/schema/report.rng tests/fuzz/gen_dict.py
	$(PYTHON) tests/fuzz/gen_dict.py report src/model/schema/report.rng > $@

tests/fuzz/template.dict: $(wildcard templates/*.xml) tests/fuzz/gen_dict.py
	$(PYTHON) tests/fuzz/gen_dict.py template $(wildcard templates/*.xml) > $@

# Fuzzes FUZZ_TARGET (pipeline, image or template) for FUZZ_SECONDS from
# the generated seeds, the samples and the test inputs; crashes go to
# build/fuzz-crashes/. libFuzzer stops at the first one, or with
# FUZZ_ALL=1 keeps going and says what each triggers (tests/fuzz/fuzz.sh).
fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZ_BINS) build/fuzz-seeds/stamp tests/fuzz/report.dict tests/fuzz/template.dict
	@sh tests/fuzz/fuzz.sh $(FUZZ_TARGET) $(FUZZ_SECONDS) $(if $(FUZZ_ALL),all,stop)

# The code page tables, read from the PDF library's encoders (the unit
# tests check them against the library on every run).
enc-tables: | build
	$(CC) $(WARN) $(CFLAGS) -o build/gen_enc mk/gen_enc.c -lhpdf
	build/gen_enc > src/base/enc_tables.h

# Contact sheets of every sample in docs/sheets/, to see the output
# without building it (needs ImageMagick's montage: apt-get install imagemagick).
sheets: deps boardpress
	@mkdir -p docs/sheets build/sheets
	@for f in $(SAMPLES); do \
	    n=$$(basename $$f .xml); rm -f build/sheets/$$n-*.png; \
	    ./boardpress render $$f -o build/sheets/$$n.pdf 2>/dev/null || exit 1; \
	    pdftoppm -png -r 30 build/sheets/$$n.pdf build/sheets/$$n || exit 1; \
	    $(PYTHON) mk/sheet.py docs/sheets/$$n.png build/sheets/$$n-*.png || exit 1; \
	    echo "docs/sheets/$$n.png"; \
	done

bench: deps
	@$(MAKE) --no-print-directory boardpress
	@python3 tests/bench.py

clean:
	rm -rf build out boardpress
