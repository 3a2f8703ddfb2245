"""Background jobs through the real database queue and the real worker command."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from tradebridge.core import jobs
from tradebridge.core.models import Job

pytestmark = pytest.mark.django_db(transaction=True)

calls: list[int] = []


@jobs.job_handler("test.count")
def _count(job, progress):
    progress(1, 2)
    calls.append(job.pk)
    progress(2, 2)
    return {"counted": job.params["n"]}


@jobs.job_handler("test.explode")
def _explode(job, progress):
    raise RuntimeError("the file vanished")


def _drain():
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def test_a_job_runs_in_the_worker_and_records_its_result():
    job = jobs.start_job(kind="test.count", params={"n": 3})
    assert Job.objects.get(pk=job.pk).status == "queued"
    _drain()
    job.refresh_from_db()
    assert (job.status, job.result, job.progress_done, job.progress_total) == ("succeeded", {"counted": 3}, 2, 2)
    assert job.attempts == 1 and job.finished_at is not None


def test_a_failing_job_is_marked_failed_with_its_reason():
    job = jobs.start_job(kind="test.explode")
    _drain()
    job.refresh_from_db()
    assert job.status == "failed"
    assert "vanished" in job.error


def test_a_finished_job_is_not_run_twice():
    job = jobs.start_job(kind="test.count", params={"n": 1})
    _drain()
    jobs.run_job.enqueue(job.pk)
    before = len(calls)
    _drain()
    assert len(calls) == before


@override_settings(JOB_STALE_SECONDS=60)
def test_a_job_whose_worker_went_silent_is_queued_again_and_finishes():
    job = jobs.start_job(kind="test.count", params={"n": 5})
    # As a worker killed mid-job leaves it: running, with an old heartbeat, its task row claimed.
    _drain()
    Job.objects.filter(pk=job.pk).update(
        status="running", result={}, heartbeat_at=timezone.now() - timedelta(minutes=5), finished_at=None
    )
    assert jobs.recover_stale_jobs() == 1
    _drain()
    job.refresh_from_db()
    assert job.status == "succeeded" and job.attempts == 2


@override_settings(JOB_STALE_SECONDS=60)
def test_a_job_that_keeps_killing_workers_gives_up():
    job = jobs.start_job(kind="test.count", params={"n": 5})
    Job.objects.filter(pk=job.pk).update(
        status="running", attempts=jobs.MAX_ATTEMPTS, heartbeat_at=timezone.now() - timedelta(minutes=5)
    )
    assert jobs.recover_stale_jobs() == 0
    job.refresh_from_db()
    assert job.status == "failed"


def test_unknown_job_kinds_are_refused():
    with pytest.raises(ValueError):
        jobs.start_job(kind="nope")
