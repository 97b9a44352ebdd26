DROP TABLE IF EXISTS bench_ins, bench_jobs, bench_channel;
