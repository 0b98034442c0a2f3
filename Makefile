.PHONY: check test demo
check:
	./dev check
test:
	./dev test
demo:
	./dev demo
