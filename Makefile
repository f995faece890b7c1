# boardpress - build, test, demo and benchmark.
#
#   make          build ./boardpress
#   make demo     install what is missing, build, render samples/*.xml to out/
#   make check    install what is missing, build, run the whole test suite
#   make bench    time every sample and a generated 500-page report

CC      ?= gcc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CPPFLAGS += $(shell xml2-config --cflags 2>/dev/null || echo -I/usr/include/libxml2)
LDLIBS  := -lhpdf -lxml2 -lhyphen -lpng -lz -lm
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

SRC     := $(filter-out src/main.c,$(wildcard src/*.c))
OBJ     := $(SRC:src/%.c=build/%.o) build/schema.o
SANOBJ  := $(SRC:src/%.c=build/asan/%.o) build/schema.o
UNIT    := $(wildcard tests/unit/*.c)
SAMPLES := $(wildcard samples/*.xml)

FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

.PHONY: all deps demo check unit integration bench fuzz sheets clean

all: boardpress

deps:
	@sh mk/deps.sh

boardpress: $(OBJ) build/main.o
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/asan/boardpress: $(SANOBJ) build/asan/main.o
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

build/%.o: src/%.c $(wildcard src/*.h) | build
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c $(wildcard src/*.h) | build
	$(CC) $(WARN) $(CFLAGS) $(SAN) $(CPPFLAGS) -c -o $@ $<

build/schema.o: src/schema.S src/schema/report.rng | build
	$(CC) -c -o $@ src/schema.S

build/unit: $(UNIT) $(OBJ) | build
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -Isrc -o $@ $(UNIT) $(OBJ) $(LDLIBS)

build/asan/unit: $(UNIT) $(SANOBJ) | build
	$(CC) $(WARN) $(CFLAGS) $(SAN) $(CPPFLAGS) -Isrc -o $@ $(UNIT) $(SANOBJ) $(LDLIBS)

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

build/fuzz: tests/fuzz/fuzz_pipeline.c $(SRC) $(wildcard src/*.h) src/schema.S src/schema/report.rng | build
	clang $(WARN) $(FUZZ_FLAGS) $(CPPFLAGS) -Isrc -o $@ tests/fuzz/fuzz_pipeline.c $(SRC) src/schema.S $(LDLIBS)

# Fuzzes the whole pipeline for FUZZ_SECONDS, starting from the samples and
# the test inputs (those over 1 MB are left out of the corpus).
fuzz: deps
	@$(MAKE) --no-print-directory build/fuzz
	@mkdir -p build/fuzz-corpus build/fuzz-crashes
	@find samples tests/good tests/bad -name '*.xml' -size -1024k -exec cp {} build/fuzz-corpus/ \;
	./build/fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=build/fuzz-crashes/ -print_final_stats=1 build/fuzz-corpus 2>build/fuzz.log; \
	    rc=$$?; grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|SUMMARY' build/fuzz.log; exit $$rc

# Contact sheets of every sample in docs/sheets/, to see the output
# without building it (needs ImageMagick's montage: apt-get install imagemagick).
sheets: boardpress
	@mkdir -p docs/sheets build/sheets
	@for f in $(SAMPLES); do \
	    n=$$(basename $$f .xml); rm -f build/sheets/$$n-*.png; \
	    ./boardpress render $$f -o build/sheets/$$n.pdf 2>/dev/null || exit 1; \
	    pdftoppm -png -r 30 build/sheets/$$n.pdf build/sheets/$$n || exit 1; \
	    montage build/sheets/$$n-*.png -tile 8x -geometry +4+4 -background '#d0d0d0' docs/sheets/$$n.png || exit 1; \
	    echo "docs/sheets/$$n.png"; \
	done

bench: deps
	@$(MAKE) --no-print-directory boardpress
	@python3 tests/bench.py

clean:
	rm -rf build out boardpress
