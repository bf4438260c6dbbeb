# The two commands of the README, and a few for day-to-day work.
.PHONY: run test bench faults up down status

## run: start the local cluster (installing what is missing) and push tickets through it
run:
	@scripts/run

## test: all unit, integration and end-to-end tests against a real PostgreSQL and broker
test:
	@scripts/test

## bench: benchmarks that print numbers (release build; no cluster needed)
bench:
	@scripts/bench

## faults: the full fault suite (5 minutes of load under kills and restarts), then the backup and
## point-in-time restore drill and the rolling upgrade drill (see docs/reliability.md)
faults:
	@scripts/faults
	@scripts/restore-drill
	@scripts/upgrade-drill

up:
	@scripts/cluster up

down:
	@scripts/cluster down

status:
	@scripts/cluster status
