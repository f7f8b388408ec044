# Golden notebooks are test data, not notebooks for nbval to run.
collect_ignore_glob = ["goldens/*"]
