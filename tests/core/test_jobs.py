"""Background jobs through the real database queue and the real worker command."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

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


ran: list[str] = []


@task()
def _remember(word: str) -> None:
    ran.append(word)


def _claimed_and_abandoned(result_id, *, started_ago: timedelta) -> None:
    # As a worker killed mid-task leaves its row: claimed, RUNNING, never finished.
    DBTaskResult.objects.filter(pk=result_id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - started_ago, worker_ids=["dead-worker"]
    )


@override_settings(TASK_STALE_SECONDS=60)
def test_a_task_whose_worker_died_runs_again_when_a_worker_starts():
    result = _remember.enqueue("stranded")
    _claimed_and_abandoned(result.id, started_ago=timedelta(minutes=5))
    _drain()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert "stranded" in ran


@override_settings(TASK_STALE_SECONDS=60)
def test_a_task_still_within_its_time_and_jobs_are_left_to_their_own_recovery():
    recent = _remember.enqueue("recent")
    _claimed_and_abandoned(recent.id, started_ago=timedelta(seconds=5))
    job = jobs.start_job(kind="test.count", params={"n": 1})
    job_task = DBTaskResult.objects.get(task_path=jobs.run_job.module_path, args_kwargs__args=[job.pk])
    _claimed_and_abandoned(job_task.pk, started_ago=timedelta(minutes=5))
    assert jobs.recover_stale_tasks() == 0
    assert DBTaskResult.objects.get(pk=recent.id).status == TaskResultStatus.RUNNING
    assert DBTaskResult.objects.get(pk=job_task.pk).status == TaskResultStatus.RUNNING
