# Backprop by Hand: build the book, the trainers and the tests.
#
#   make          everything a reader needs: tools, tangle, programs, runs, figures, book
#   make check    the TAP tests, through prove
#
# The C in chunks/ and the tests in tests/ are tangled from book/*.nw by
# `make tangle` and committed, so `make build` works without noweb.

SHELL   := /bin/bash
BUILD   ?= build
CC      ?= gcc
CFLAGS  ?= -std=c11 -O2 -g -Wall -Wextra -Wpedantic -Wshadow -Werror=implicit-function-declaration -fopenmp
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Ichunks
LDLIBS  += -lz -lm

NW      := $(sort $(wildcard book/*.nw))
MNIST_DIR ?= data/mnist

.PHONY: all deps deps-plan tangle build check figures book runs clean bench
.SECONDARY:
all: deps tangle build data runs figures book

# ---------------------------------------------------------------- deps
# The Debian packages of what is missing, per requirement (book/89-setup.nw):
# `make deps` for the build, each extra check for its own group. deps-plan
# resolves, without installing, the plan for a machine with none of the tools.
deps:
	@sh chunks/tools/deps.sh build
deps-plan:
	@sh chunks/tools/deps.sh --simulate build check-book valgrind fuzz

# ---------------------------------------------------------------- tangle
# Every root chunk is a file path under chunks/ or tests/. One pass of noweb's
# markup over the book feeds our tangling back end, chunks/tools/nwtangle.awk
# (book/91a-tangling.nw), which writes every root: each expansion indented to
# the column of its use, and in C files (.c, .h) #line directives, indented
# too, that point into book/; other files (awk, Lua, shell) get none. The
# back end runs as the book has it now: plain notangle tangles it first.
# Nothing outside $(BUILD).tangle.tmp/ is written until every root is
# tangled; then cpif copies each into place and leaves unchanged files
# untouched, so make does not rebuild them. Files in chunks/ that no root
# produces any more are removed.
NW_MARKUP ?= /usr/lib/noweb/markup
tangle:
	@set -eo pipefail; tmp=$(BUILD).tangle.tmp; rm -rf "$$tmp"; mkdir -p "$$tmp"; trap 'rm -rf "$$tmp"' EXIT; \
	notangle -Rchunks/tools/nwtangle.awk $(NW) >"$$tmp/nwtangle.awk" 2>"$$tmp/err" && [ ! -s "$$tmp/err" ] || \
	  { cat "$$tmp/err" >&2; echo "tangle: cannot tangle the back end chunks/tools/nwtangle.awk" >&2; exit 1; }; \
	$(NW_MARKUP) $(NW) | awk -v dir="$$tmp" -f "$$tmp/nwtangle.awk" >"$$tmp/roots"; \
	[ -s "$$tmp/roots" ] || { echo "tangle: no root chunks in $(NW)" >&2; exit 1; }; \
	while read -r k r; do case "$$r" in */../*) ;; chunks/?*|tests/?*) continue;; esac; \
	  echo "tangle: root chunk '$$r' is not a path under chunks/ or tests/" >&2; exit 1; done <"$$tmp/roots"; \
	while read -r k r; do mkdir -p "$$(dirname "$$r")"; cpif "$$r" <"$$tmp/$$k"; \
	  case "$$r" in *.t|*.sh) chmod 755 "$$r";; *) chmod 644 "$$r";; esac; done <"$$tmp/roots"; \
	cut -d' ' -f2- "$$tmp/roots" >"$$tmp/names"; \
	find chunks tests -type f | while read -r f; do grep -qxF "$$f" "$$tmp/names" || \
	  { echo "tangle: removing $$f (no chunk makes it)"; rm -f "$$f"; }; done

# ---------------------------------------------------------------- build
# chunks/ has a folder per role (book/20-tensors-and-rng.nw): base, layers,
# network, data, training, excelnet, programs, bench, tools. Every
# chunks/FOLDER/NAME-main.c is a program build/bin/NAME; every other
# chunks/FOLDER/*.c goes into one library that programs and tests link.
# Headers are included by their path under chunks/: "layers/conv.h".
MAIN_SRC := $(wildcard chunks/*/*-main.c)
LIB_SRC  := $(filter-out $(MAIN_SRC),$(wildcard chunks/*/*.c))
LIB_OBJ  := $(LIB_SRC:chunks/%.c=$(BUILD)/obj/%.o)
PROGRAMS := $(foreach m,$(MAIN_SRC),$(BUILD)/bin/$(notdir $(m:-main.c=)))
LIB      := $(BUILD)/libbackprop.a

# Gradient checks (tests/*-grad.t.c) need double precision: they link a
# second copy of the library compiled with -DREAL_DOUBLE, where the type
# `real` of chunks/base/real.h is double instead of float.
LIB_DOBJ := $(LIB_SRC:chunks/%.c=$(BUILD)/obj-double/%.o)
LIB_D    := $(BUILD)/libbackprop-double.a

C_TESTS  := $(wildcard tests/*.t.c)
SH_TESTS := $(filter-out $(C_TESTS),$(wildcard tests/*.t))
TESTS    := $(C_TESTS:tests/%.t.c=$(BUILD)/tests/%.t) $(SH_TESTS:tests/%=$(BUILD)/tests/%)

build: $(PROGRAMS)

$(BUILD)/obj/%.o: chunks/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/obj-double/%.o: chunks/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -DREAL_DOUBLE $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIB_D): $(LIB_DOBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

define PROGRAM
$$(BUILD)/bin/$(notdir $(1:-main.c=)): $(1:chunks/%.c=$$(BUILD)/obj/%.o) $$(LIB)
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) -o $$@ $$< $$(LIB) $$(LDLIBS)
endef
$(foreach m,$(MAIN_SRC),$(eval $(call PROGRAM,$(m))))

$(BUILD)/tests/%-grad.t: tests/%-grad.t.c $(LIB_D)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -DREAL_DOUBLE -Itests $(CFLAGS) -MMD -MP -o $@ $< $(LIB_D) $(LDLIBS)

# The generic GEMM kernels (book/30b-shifted.nw): tests/*-generic.t.c link a
# copy of gemm.c compiled with -DGEMM_GENERIC_ONLY ahead of the library, so
# its functions are the ones every caller gets, on any processor.
GEMM_GENERIC := $(BUILD)/obj-generic/layers/gemm.o
$(GEMM_GENERIC): chunks/layers/gemm.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -DGEMM_GENERIC_ONLY $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%-generic.t: tests/%-generic.t.c $(GEMM_GENERIC) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -MMD -MP -o $@ $< $(GEMM_GENERIC) $(LIB) $(LDLIBS)

$(BUILD)/tests/%.t: tests/%.t.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -MMD -MP -o $@ $< $(LIB) $(LDLIBS)

$(BUILD)/tests/%.t: tests/%.t
	@mkdir -p $(@D)
	cp $< $@ && chmod +x $@

-include $(wildcard $(BUILD)/obj/*/*.d $(BUILD)/obj-double/*/*.d $(BUILD)/obj-generic/*/*.d $(BUILD)/tests/*.d)

# ---------------------------------------------------------------- check
check: build $(TESTS)
	BIN=$(BUILD)/bin prove --exec '' $(TESTS)

clean:
	rm -rf $(BUILD) $(BUILD).tangle.tmp $(BUILD).tangle.err

# ---------------------------------------------------------------- runs, figures, book
# Everything the book shows is made here, into $(BOOK): the runs' CSVs, the
# tables and values quoted in the prose, the figures, and the book itself.
BOOK        := $(BUILD)/book
PART1_LRS   := 0.1 0.2 0.5 0.8 1.0 2.0
PART1_ITERS := 200
PART1_CSV   := $(PART1_LRS:%=$(BOOK)/runs/part1-lr%.csv) $(BOOK)/runs/part1-lr100.csv
PART1_TABLES:= $(PART1_LRS:%=$(BOOK)/tables/part1-lr%.md)
PART1_FIGS  := part1-network part1-loss-all part1-weights $(PART1_LRS:%=part1-loss-lr%)
FIGURES     = $(foreach f,$(PART1_FIGS) $(PART2_FIGS) $(GRAPH_FIGS),$(BOOK)/figures/$(f).svg $(BOOK)/figures/$(f).pdf)

# The computational graphs (book/91c-exercises.nw): every figures/NAME.gv is
# a dot template filled from values.txt, drawn in one style for both books.
# Every worked-example program build/bin/worked-NAME prints lines of values.txt.
GRAPH_FIGS  := $(patsubst figures/%.gv,%,$(wildcard figures/*.gv))
WORKED      := $(patsubst chunks/programs/%-main.c,%,$(wildcard chunks/programs/worked-*-main.c))
WORKED_VALUES := $(WORKED:%=$(BOOK)/runs/%.values)
DOT         := dot -Gfontname=Helvetica -Gfontsize=12 -Gbgcolor=white -Gnodesep=0.3 \
	       -Nfontname=Helvetica -Nfontsize=12 -Nshape=box -Nstyle=rounded -Npenwidth=1.2 \
	       -Efontname=Helvetica -Efontsize=10 -Earrowsize=0.7 -Ecolor='\#555555'

# Part 2: the MNIST runs. `make` trains the full run; CI weaves the book
# from a shorter one (MNIST_EPOCHS=2 MNIST_TRAIN_LIMIT=10000), and the book
# says which run it shows.
MNIST_EPOCHS       ?= 15
MNIST_TRAIN_LIMIT  ?= 0
MNIST_SEED         ?= 1
MNIST_THREADS      ?= 2
MNIST_ARCHS        := main small tiny wide
MNIST_LIMIT_FLAG    = $(if $(filter-out 0,$(MNIST_TRAIN_LIMIT)),--train-limit $(MNIST_TRAIN_LIMIT))
MNIST_FILES        := $(MNIST_DIR)/train-images-idx3-ubyte
MNIST_LOGS         := $(MNIST_ARCHS:%=$(BOOK)/runs/mnist-%.csv)
MNIST_TABLES       := $(MNIST_ARCHS:%=$(BOOK)/tables/mnist-%-summary.md) $(BOOK)/tables/mnist-spread.md
MNIST_SUMMARIES    := $(MNIST_ARCHS:%=$(BOOK)/runs/mnist-%-summary.csv)
# One training run of the book: $(call MNIST_TRAIN,ARCH,SEED,LOG). The batch
# size, peak learning rate and label smoothing are each network's own
# (train_recipe in book/28-training.nw), so `mnistnet train --arch ARCH`
# repeats the run.
MNIST_TRAIN         = $(BUILD)/bin/mnistnet train --arch $(1) --data $(MNIST_DIR) --epochs $(MNIST_EPOCHS) \
		      --seed $(2) --threads $(MNIST_THREADS) $(MNIST_LIMIT_FLAG) --log $(3)

# The spread over seeds (book/29-mnist-results.nw): `make spread` trains
# every network again with each seed of SPREAD_SEEDS but the build's own
# (MNIST_SEED), into mnist-ARCH-seedS.csv, then weaves the book again in a
# sub-make, whose $(wildcard) sees the new logs. The table and the values
# show every seed log there is, and `make` keeps those up to date; delete
# them to go back to seed 1 alone.
SPREAD_SEEDS       ?= 2 3
SPREAD_WANTED      := $(foreach a,$(MNIST_ARCHS),$(foreach s,$(filter-out $(MNIST_SEED),$(SPREAD_SEEDS)),\
		      $(BOOK)/runs/mnist-$(a)-seed$(s).csv))
SPREAD_LOGS        := $(filter $(MNIST_ARCHS:%=$(BOOK)/runs/mnist-%-seed%.csv),$(wildcard $(BOOK)/runs/mnist-*-seed*.csv))
SPREAD_INPUTS       = $(MNIST_SUMMARIES) $(MNIST_LOGS) $(SPREAD_LOGS)
PART2_FIGS         := $(MNIST_ARCHS:%=mnist-%-curves) mnist-main-lr mnist-main-confusion \
                      mnist-main-errors mnist-main-filters mnist-main-maps bench-train

# "Making it fast" (book/30, book/31): the build runs both benchmarks, on
# MNIST_THREADS threads, for the numbers and the figure of the book.
# `make bench` runs them longer, and compares with PyTorch when it is installed.
BENCH_BATCHES      ?= 20
BENCH_CSV          := $(BOOK)/runs/bench-conv.csv $(BOOK)/runs/bench-train.csv

runs: $(PART1_CSV) $(PART1_TABLES) $(MNIST_TABLES) $(BOOK)/tables/bench-profile.md $(BOOK)/values.txt

$(BOOK)/tables/bench-profile.md: $(BOOK)/runs/bench-train.csv $(BOOK)/runs/mnist-main-summary.csv chunks/tools/profile-table.awk
	@mkdir -p $(@D)
	awk -f chunks/tools/profile-table.awk $(BOOK)/runs/bench-train.csv $(BOOK)/runs/mnist-main-summary.csv >$@.tmp && mv $@.tmp $@

$(BOOK)/runs/bench-conv.csv: $(BUILD)/bin/bench-conv
	@mkdir -p $(@D)
	OMP_NUM_THREADS=$(MNIST_THREADS) $< --csv $@

$(BOOK)/runs/bench-train.csv: $(BUILD)/bin/bench-train | $(MNIST_FILES)
	@mkdir -p $(@D)
	OMP_NUM_THREADS=$(MNIST_THREADS) $< --data $(MNIST_DIR) --batches $(BENCH_BATCHES) --csv $@

BENCH_DIR := $(BUILD)/bench
# The short run of the main network (book/28-training.nw, "How short can a
# run be?"), which `make bench` trains for each seed of SHORT_SEEDS and times
# to 99.4 % against PyTorch
MNIST_SHORT        := --arch main --epochs 4 --batch 32 --lr 0.3 --clean-epochs 0
SHORT_SEEDS        ?= 1 2 3
bench: build $(BOOK)/runs/mnist-main.csv | $(MNIST_FILES)
	@mkdir -p $(BENCH_DIR)
	OMP_NUM_THREADS=$(MNIST_THREADS) $(BUILD)/bin/bench-conv --csv $(BENCH_DIR)/bench-conv.csv
	OMP_NUM_THREADS=$(MNIST_THREADS) $(BUILD)/bin/bench-train --data $(MNIST_DIR) --batches 60 \
	  --csv $(BENCH_DIR)/bench-train.csv
	sh bench/compare-pytorch.sh $(BUILD)/bin/mnistnet $(MNIST_DIR) $(BENCH_DIR) $(MNIST_THREADS)
	sh bench/time-to-accuracy.sh $(BUILD)/bin/mnistnet $(BOOK)/runs/mnist-main.csv $(MNIST_DIR) $(BENCH_DIR) \
	  $(MNIST_THREADS) 15 '$(MNIST_SHORT)' '$(SHORT_SEEDS)'

$(MNIST_FILES):
	sh chunks/tools/fetch-mnist.sh $(MNIST_DIR)

$(BOOK)/runs/mnist-%.csv $(BOOK)/runs/mnist-%.csv.meta $(BOOK)/runs/mnist-%.model: $(BUILD)/bin/mnistnet | $(MNIST_FILES)
	@mkdir -p $(@D)
	$(call MNIST_TRAIN,$*,$(MNIST_SEED),$(BOOK)/runs/mnist-$*.csv) --save $(BOOK)/runs/mnist-$*.model

# A seed run's stem is ARCH-seedS.
.PHONY: spread
spread: $(SPREAD_WANTED)
	$(MAKE) --no-print-directory book
$(sort $(SPREAD_WANTED) $(SPREAD_LOGS)): $(BOOK)/runs/mnist-%.csv: $(BUILD)/bin/mnistnet | $(MNIST_FILES)
	@mkdir -p $(@D)
	$(call MNIST_TRAIN,$(firstword $(subst -seed, ,$*)),$(lastword $(subst -seed, ,$*)),$@)

# The names of the spread's inputs, rewritten only when they change: a seed
# log that appears or is deleted remakes the table and the values.
$(BOOK)/runs/mnist-spread.inputs: FORCE
	@mkdir -p $(@D)
	@echo '$(SPREAD_INPUTS)' | cmp -s - $@ || echo '$(SPREAD_INPUTS)' >$@
.PHONY: FORCE
FORCE:
$(BOOK)/runs/mnist-spread.csv: $(SPREAD_INPUTS) $(BOOK)/runs/mnist-spread.inputs chunks/tools/mnist-spread.awk
	awk -v emit=csv -f chunks/tools/mnist-spread.awk $(SPREAD_INPUTS) >$@.tmp && mv $@.tmp $@
$(BOOK)/tables/mnist-spread.md: $(BOOK)/runs/mnist-spread.csv chunks/tools/csv-md.awk
	@mkdir -p $(@D)
	awk -f chunks/tools/csv-md.awk $< >$@.tmp && mv $@.tmp $@

$(BOOK)/runs/mnist-%-confusion.csv: $(BOOK)/runs/mnist-%.model
	$(BUILD)/bin/mnistnet eval --model $< --data $(MNIST_DIR) --confusion $@

# What the trained model sees (book/29a-inside-the-network.nw): mnistviz
# writes the pictures as gnuplot matrix blocks.
$(BOOK)/runs/mnist-%-errors.dat: $(BOOK)/runs/mnist-%.model $(BUILD)/bin/mnistviz | $(MNIST_FILES)
	$(BUILD)/bin/mnistviz errors --model $< --data $(MNIST_DIR) >$@.tmp && mv $@.tmp $@
$(BOOK)/runs/mnist-%-filters.dat: $(BOOK)/runs/mnist-%.model $(BUILD)/bin/mnistviz
	$(BUILD)/bin/mnistviz filters --model $< >$@.tmp && mv $@.tmp $@
$(BOOK)/runs/mnist-%-maps.dat: $(BOOK)/runs/mnist-%.model $(BUILD)/bin/mnistviz | $(MNIST_FILES)
	$(BUILD)/bin/mnistviz maps --model $< --data $(MNIST_DIR) --image 0 >$@.tmp && mv $@.tmp $@

$(BOOK)/runs/mnist-%-schedule.csv: $(BUILD)/bin/mnistnet
	@mkdir -p $(@D)
	$(BUILD)/bin/mnistnet schedule --arch $* --epochs $(MNIST_EPOCHS) \
	  $(MNIST_LIMIT_FLAG) >$@.tmp && mv $@.tmp $@

$(BOOK)/runs/mnist-%-summary.csv: $(BUILD)/bin/mnistnet
	@mkdir -p $(@D)
	$(BUILD)/bin/mnistnet summary --arch $* >$@.tmp && mv $@.tmp $@

$(BOOK)/tables/mnist-%-summary.md: $(BOOK)/runs/mnist-%-summary.csv chunks/tools/csv-md.awk
	@mkdir -p $(@D)
	awk -f chunks/tools/csv-md.awk $< >$@.tmp && mv $@.tmp $@

$(BOOK)/runs/part1-lr%.csv: $(BUILD)/bin/excelnet
	@mkdir -p $(@D)
	$(BUILD)/bin/excelnet --lr $* --iters $(PART1_ITERS) --csv $@

$(BOOK)/runs/part1-lr100.csv: $(BUILD)/bin/excelnet
	@mkdir -p $(@D)
	$(BUILD)/bin/excelnet --lr 100 --iters 40 --csv $@

$(BOOK)/tables/part1-lr%.md: $(BOOK)/runs/part1-lr%.csv chunks/tools/csv-table.awk
	@mkdir -p $(@D)
	awk -f chunks/tools/csv-table.awk -v rows=0,1,2,3,$$(($(PART1_ITERS) - 1)) $< >$@.tmp && mv $@.tmp $@

$(BOOK)/values.txt: $(PART1_CSV) chunks/tools/part1-values.awk $(MNIST_LOGS) $(MNIST_LOGS:%=%.meta) chunks/tools/mnist-values.awk \
		    $(MNIST_SUMMARIES) $(SPREAD_LOGS) $(BOOK)/runs/mnist-spread.inputs chunks/tools/mnist-spread.awk \
		    $(BENCH_CSV) chunks/tools/bench-values.awk \
		    $(WORKED_VALUES)
	@mkdir -p $(@D)
	{ echo "part1.iters $(PART1_ITERS)"; \
	  for f in $(PART1_CSV); do lr=$${f##*/part1-lr}; lr=$${lr%.csv}; \
	    awk -v prefix=part1.lr$$lr -v lr=$$lr -f chunks/tools/part1-values.awk $$f || exit 1; done; \
	  for a in $(MNIST_ARCHS); do \
	    awk -v prefix=mnist.$$a -f chunks/tools/mnist-values.awk $(BOOK)/runs/mnist-$$a-summary.csv \
	      $(BOOK)/runs/mnist-$$a.csv.meta $(BOOK)/runs/mnist-$$a.csv || exit 1; done; \
	  awk -v emit=values -v prefix=mnist.spread -v spread_seeds='$(SPREAD_SEEDS)' \
	    -f chunks/tools/mnist-spread.awk $(SPREAD_INPUTS) || exit 1; \
	  awk -v prefix=bench -f chunks/tools/bench-values.awk $(BENCH_CSV) || exit 1; \
	  $(if $(WORKED_VALUES),cat $(WORKED_VALUES) || exit 1;) } >$@.tmp && mv $@.tmp $@

$(BOOK)/runs/worked-%.values: $(BUILD)/bin/worked-%
	@mkdir -p $(@D)
	$< >$@.tmp && mv $@.tmp $@

figures: $(FIGURES)

# The three figures of book/29a-inside-the-network.nw, one rule each for SVG and PDF.
define MNIST_VIZ_FIGURE
$$(BOOK)/figures/mnist-main-$(1).svg $$(BOOK)/figures/mnist-main-$(1).pdf: figures/mnist-$(1).gp figures/terminal.gp $$(BOOK)/runs/mnist-main-$(1).dat
	$$(call GNUPLOT,csv='$$(BOOK)/runs/mnist-main-$(1).dat',figures/mnist-$(1).gp)
endef

GNUPLOT = @mkdir -p $(@D) && gnuplot -e "fmt='$(subst .,,$(suffix $@))'; out='$@'; $(1)" $(2)

$(BOOK)/figures/part1-network.svg $(BOOK)/figures/part1-network.pdf: figures/part1-network.gp figures/terminal.gp
	$(call GNUPLOT,,figures/part1-network.gp)
$(BOOK)/figures/part1-loss-all.svg $(BOOK)/figures/part1-loss-all.pdf: figures/part1-loss-all.gp figures/terminal.gp $(PART1_CSV)
	$(call GNUPLOT,dir='$(BOOK)/runs'; lrs='$(PART1_LRS)',figures/part1-loss-all.gp)
$(BOOK)/figures/part1-weights.svg $(BOOK)/figures/part1-weights.pdf: figures/part1-weights.gp figures/terminal.gp $(BOOK)/runs/part1-lr0.5.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/part1-lr0.5.csv'; lr='0.5',figures/part1-weights.gp)
$(BOOK)/figures/part1-loss-lr%.svg: figures/part1-loss.gp figures/terminal.gp $(BOOK)/runs/part1-lr%.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/part1-lr$*.csv'; lr='$*',figures/part1-loss.gp)
$(BOOK)/figures/part1-loss-lr%.pdf: figures/part1-loss.gp figures/terminal.gp $(BOOK)/runs/part1-lr%.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/part1-lr$*.csv'; lr='$*',figures/part1-loss.gp)

$(BOOK)/figures/mnist-%-curves.svg: figures/mnist-curves.gp figures/terminal.gp $(BOOK)/runs/mnist-%.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/mnist-$*.csv',figures/mnist-curves.gp)
$(BOOK)/figures/mnist-%-curves.pdf: figures/mnist-curves.gp figures/terminal.gp $(BOOK)/runs/mnist-%.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/mnist-$*.csv',figures/mnist-curves.gp)
$(BOOK)/figures/mnist-%-lr.svg: figures/mnist-lr.gp figures/terminal.gp $(BOOK)/runs/mnist-%-schedule.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/mnist-$*-schedule.csv',figures/mnist-lr.gp)
$(BOOK)/figures/mnist-%-lr.pdf: figures/mnist-lr.gp figures/terminal.gp $(BOOK)/runs/mnist-%-schedule.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/mnist-$*-schedule.csv',figures/mnist-lr.gp)
$(BOOK)/figures/mnist-%-confusion.svg: figures/mnist-confusion.gp figures/terminal.gp $(BOOK)/runs/mnist-%-confusion.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/mnist-$*-confusion.csv',figures/mnist-confusion.gp)
$(BOOK)/figures/mnist-%-confusion.pdf: figures/mnist-confusion.gp figures/terminal.gp $(BOOK)/runs/mnist-%-confusion.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/mnist-$*-confusion.csv',figures/mnist-confusion.gp)

$(foreach v,errors filters maps,$(eval $(call MNIST_VIZ_FIGURE,$(v))))
$(BOOK)/figures/bench-train.svg $(BOOK)/figures/bench-train.pdf: figures/bench-train.gp figures/terminal.gp $(BOOK)/runs/bench-train.csv
	$(call GNUPLOT,csv='$(BOOK)/runs/bench-train.csv',figures/bench-train.gp)
$(BOOK)/figures/%.svg: figures/%.gv chunks/tools/gv-fill.awk $(BOOK)/values.txt
	@mkdir -p $(@D)
	awk -f chunks/tools/gv-fill.awk $(BOOK)/values.txt $< >$@.gv && $(DOT) -Tsvg $@.gv | \
	  sed '/^<!DOCTYPE/,/>$$/d' >$@.tmp && mv $@.tmp $@
$(BOOK)/figures/%.pdf: figures/%.gv chunks/tools/gv-fill.awk $(BOOK)/values.txt
	@mkdir -p $(@D)
	awk -f chunks/tools/gv-fill.awk $(BOOK)/values.txt $< >$@.gv && $(DOT) -Tpdf -o $@.tmp $@.gv && mv $@.tmp $@

# The weave: noweave's pipeline with our back end (book/91-weaving.nw), then
# pandoc, through the Lua filters that fill in values and tables, once for
# each book: the HTML book as one page, which book-pages.mjs cuts into a page
# per chapter with its search index; the PDF; and the EPUB.
book: $(BOOK)/index.html $(BOOK)/book.pdf $(BOOK)/book.epub

$(BOOK)/book.md: $(NW) chunks/tools/nw2md.awk
	@mkdir -p $(@D)
	noweave -autodefs c -index -backend "awk -f chunks/tools/nw2md.awk" $(NW) >$@.tmp && mv $@.tmp $@

PANDOC = pandoc book/metadata.yaml $(BOOK)/book.md --from markdown --standalone --toc \
	 --number-sections --lua-filter chunks/tools/book-filter.lua --lua-filter chunks/tools/exercises.lua \
	 -M build-dir=$(BOOK) \
	 --resource-path=$(BOOK)
BOOK_INPUTS = $(BOOK)/book.md book/metadata.yaml chunks/tools/book-filter.lua chunks/tools/exercises.lua $(BOOK)/values.txt \
	      $(PART1_TABLES) $(MNIST_TABLES) $(FIGURES)

$(BUILD)/book-one-page.html: $(BOOK_INPUTS)
	$(PANDOC) --mathml --toc-depth=3 -o $@

$(BOOK)/index.html: $(BUILD)/book-one-page.html book/style.css chunks/tools/book-pages.mjs chunks/tools/book.js \
		    node_modules/.package-lock.json
	cp book/style.css $(BOOK)/style.css
	node chunks/tools/book-pages.mjs $< $(BOOK)

$(BOOK)/book.pdf: $(BOOK_INPUTS) book/latex-header.tex
	$(PANDOC) --pdf-engine=pdflatex --top-level-division=chapter -H book/latex-header.tex -o $@

$(BOOK)/book.epub: $(BOOK_INPUTS) book/style.css
	$(PANDOC) --mathml --css book/style.css --epub-chapter-level=1 --toc-depth=2 -o $@

# ---------------------------------------------------------------- the network in the browser
# book/32-browser.nw: the inference path and Part 1's excelnet, compiled
# from the same chunks/ by clang for wasm32-wasi into one reactor module,
# OpenMP off, the stand-ins for omp.h and zlib.h of chunks/web/wasm-include
# first on the include path. The book's page gets the module and the
# build's mnist-main.model in base 64 in backprop-data.js (a page opened
# from the disk cannot fetch files), and the two scripts beside it.
# `make deps` installs clang, lld and wasi-libc (book/89-setup.nw).
WASM_CC      ?= clang
WASM_CFLAGS  := --target=wasm32-wasi -std=c11 -O2 -msimd128 -Wall -Wextra -Wpedantic -Wshadow -Wno-unknown-pragmas \
		-Werror=implicit-function-declaration
WASM_CPPFLAGS:= -D_POSIX_C_SOURCE=200809L -D_WASI_EMULATED_SIGNAL -Ichunks/web/wasm-include -Ichunks
WASM_SRC     := base/check base/rng layers/conv layers/conv_fast layers/gemm layers/batchnorm \
		layers/batchnorm_fast layers/pointwise layers/pool layers/loss network/network data/augment data/augment_fast \
		training/train excelnet/excelnet web/web web/draw web/crc32
WASM_EXPORTS := malloc free web_model_read web_predict web_probs web_layers web_layer_shape web_layer_out \
		web_excelnet mnist_from_drawing
WASM         := $(BUILD)/web/backprop.wasm
WEB_FILES    := $(BOOK)/backprop-data.js $(BOOK)/backprop.js $(BOOK)/backprop-widget.js

$(BUILD)/wasm/%.o: chunks/%.c
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CPPFLAGS) $(WASM_CFLAGS) -MMD -MP -c -o $@ $<

$(WASM): $(WASM_SRC:%=$(BUILD)/wasm/%.o)
	@mkdir -p $(@D)
	$(WASM_CC) --target=wasm32-wasi -mexec-model=reactor -o $@ $^ -lm \
	  -Wl,--strip-all $(WASM_EXPORTS:%=-Wl,--export=%)

$(BOOK)/backprop-data.js: $(WASM) $(BOOK)/runs/mnist-main.model
	{ printf 'globalThis.backpropData = {\n  wasm: "'; base64 -w0 $(WASM); \
	  printf '",\n  model: "'; base64 -w0 $(BOOK)/runs/mnist-main.model; printf '",\n};\n'; } >$@.tmp && mv $@.tmp $@

$(BOOK)/backprop.js $(BOOK)/backprop-widget.js: $(BOOK)/%: chunks/web/%
	@mkdir -p $(@D)
	cp $< $@

# The EPUB runs no scripts: its pandoc leaves the widgets' web-only divs out.
$(BOOK)/book.epub: PANDOC += --lua-filter chunks/web/web-only.lua
$(BOOK)/book.epub: chunks/web/web-only.lua

build: $(WASM)
check: $(WASM)
book: $(WEB_FILES)
-include $(wildcard $(BUILD)/wasm/*/*.d)

# ---------------------------------------------------------------- data
# MNIST, fetched and checked against pinned SHA-256 digests by the script
# that book/89-setup.nw tangles; a no-op when the verified files are there.
.PHONY: data
data:
	sh chunks/tools/fetch-mnist.sh $(MNIST_DIR)

# ---------------------------------------------------------------- faults: fuzz, sanitizers
# Appendix "When things go wrong" (book/92-faults.nw). None of this is part
# of `make` or `make check`; CI runs check-asan and check-valgrind after
# `make check` (.ci/run).
.PHONY: fuzz fuzz-deps check-asan check-valgrind valgrind-deps
fuzz-deps:
	@sh chunks/tools/deps.sh fuzz
valgrind-deps:
	@sh chunks/tools/deps.sh valgrind

# libFuzzer targets, built by clang with ASan and UBSan into $(FUZZ_BUILD);
# `make fuzz FUZZ_SECONDS=N` runs each for N seconds on its corpus, which
# starts from the seeds and keeps what the fuzzer finds between runs.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := idx pgm checkpoint
FUZZ_CC      ?= clang
FUZZ_BUILD   := $(BUILD)/fuzz
FUZZ_CFLAGS  := -std=c11 -g -O1 -fopenmp -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_OBJ     := $(LIB_SRC:chunks/%.c=$(FUZZ_BUILD)/obj/%.o)

$(FUZZ_BUILD)/obj/%.o: chunks/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

# gemm.c asks __builtin_cpu_supports for "x86-64-v4", which clang 14 does
# not know. No fuzz target reaches the GEMM, so gcc compiles it, plainly.
$(FUZZ_BUILD)/obj/layers/gemm.o: chunks/layers/gemm.c
	@mkdir -p $(@D)
	gcc $(CPPFLAGS) -std=c11 -O2 -g -c -o $@ $<

$(FUZZ_BUILD)/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

fuzz: fuzz-deps $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/%) $(BUILD)/bin/mnistnet
	rm -rf $(FUZZ_BUILD)/seeds && sh tests/fuzz/seeds.sh $(FUZZ_BUILD)/seeds $(BUILD)/bin/mnistnet
	@set -e; for t in $(FUZZ_TARGETS); do mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  OMP_NUM_THREADS=1 $(FUZZ_BUILD)/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/seeds/$$t \
	    2>$(FUZZ_BUILD)/$$t.log || { tail -40 $(FUZZ_BUILD)/$$t.log; rm -rf /dev/shm/fuzz-* /tmp/fuzz-*; exit 1; }; \
	  grep -E '^(#[0-9]+ *DONE|Done [0-9]+ runs)' $(FUZZ_BUILD)/$$t.log; \
	done; rm -rf /dev/shm/fuzz-* /tmp/fuzz-*

# The whole TAP suite again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer into build/asan: every program, library and
# test, run by the same prove command, with no leak exceptions
# (book/92-faults.nw).
SANITIZE_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check-asan:
	$(MAKE) --no-print-directory BUILD=$(BUILD)/asan CFLAGS='$(CFLAGS) $(SANITIZE_FLAGS)' check

# The C tests under valgrind, one thread: libgomp's thread pool keeps
# memory until exit, which valgrind counts as "possibly lost", so only
# definite leaks are errors (book/92-faults.nw).
VALGRIND := valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite
check-valgrind: valgrind-deps $(C_TESTS:tests/%.t.c=$(BUILD)/tests/%.t)
	OMP_NUM_THREADS=1 prove --exec '$(VALGRIND)' $(filter-out valgrind-deps,$^)

# ---------------------------------------------------------------- check-book
# The book as its readers get it (book/91b-checking.nw): the HTML page in
# Debian's chromium (driven by playwright-core from npm, pinned in
# package-lock.json), the PDF page by page, the chunks, the numbers.
# Screenshots and page images go to $(BUILD)/book-check/. Not part of `make`.
.PHONY: check-book check-book-deps
check-book: check-book-deps node_modules/.package-lock.json build book
	sh chunks/tools/check-book.sh $(BOOK) $(BUILD)/book-check $(NW)
	node chunks/tools/check-browser.mjs $(BOOK) $(BUILD)/book-check/browser $(BUILD)/bin $(MNIST_DIR)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

check-book-deps:
	@sh chunks/tools/deps.sh check-book
