# The two commands of the README, and a few for day-to-day work.
.PHONY: run test bench up down status

## run: start the local cluster (installing what is missing) and push tickets through it
run:
	@scripts/run

## test: all unit, integration and end-to-end tests against a real PostgreSQL and broker
test:
	@scripts/test

## bench: benchmarks that print numbers (release build; no cluster needed)
bench:
	@scripts/bench

up:
	@scripts/cluster up

down:
	@scripts/cluster down

status:
	@scripts/cluster status
