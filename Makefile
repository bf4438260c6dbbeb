# The two commands of the README, and a few for day-to-day work.
.PHONY: run test up down status

## run: start the local cluster (installing what is missing) and push tickets through it
run:
	@scripts/run

## test: all unit, integration and end-to-end tests against a real PostgreSQL and broker
test:
	@scripts/test

up:
	@scripts/cluster up

down:
	@scripts/cluster down

status:
	@scripts/cluster status
