"""The contract between the grader and the kernel: the settings travel through one environment variable intact."""

from autograder.kernel import contract


def test_the_sandbox_settings_round_trip_through_the_environment(tmp_path):
    value = contract.sandbox_settings(kernel_lib=tmp_path / "lib", records=tmp_path / "r", fate=tmp_path / "k.json",
                                      notebook_timeout=12, memory_limit=2**30, file_size_limit=2**20,
                                      disk_quota=2**25, max_processes=32)
    settings_read = contract.read_sandbox_settings({contract.SANDBOX_ENV: value})
    assert settings_read == {"kernel_lib": str(tmp_path / "lib"), "records": str(tmp_path / "r"),
                             "fate": str(tmp_path / "k.json"), "notebook_timeout": 12.0,
                             "memory_limit": 2**30, "file_size_limit": 2**20, "disk_quota": 2**25,
                             "max_processes": 32, "notebook_folder": None, "figures": True}
    ahead = contract.sandbox_settings(kernel_lib=tmp_path, records=tmp_path, fate=tmp_path, notebook_timeout=1,
                                      memory_limit=1, file_size_limit=1, disk_quota=1, max_processes=1,
                                      notebook_folder=tmp_path / "w", figures=False)
    assert contract.read_sandbox_settings({contract.SANDBOX_ENV: ahead})["notebook_folder"] == str(tmp_path / "w")
    assert contract.read_sandbox_settings({contract.SANDBOX_ENV: ahead})["figures"] is False


def test_records_and_probes_are_named_by_kind_and_function(tmp_path):
    assert contract.record_file(tmp_path, contract.FUNCTION, "sigmoid") == tmp_path / "function-sigmoid.json"
    assert contract.record_file(tmp_path, contract.CONCEPT, "why") == tmp_path / "concept-why.json"
    assert contract.probe_file(tmp_path, "sigmoid") == tmp_path / "sigmoid.pickle"
