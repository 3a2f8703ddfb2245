"""Running background jobs so that none is lost when a worker dies.

A job is a `Job` row plus a django-tasks task carrying its id. Handlers are plain functions
registered by kind; they must be safe to run again from the start (imports upsert, so they are),
because a job whose worker stopped sending heartbeats is queued again by `recover_stale_jobs`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from tradebridge.core.models import Job

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]
Handler = Callable[[Job, Progress], dict]
HANDLERS: dict[str, Handler] = {}
MAX_ATTEMPTS = 3


def job_handler(kind: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[kind] = func
        return func

    return register


def start_job(*, kind: str, company=None, user=None, params: dict | None = None) -> Job:
    """Create the job and queue its task once the caller's transaction commits."""
    if kind not in HANDLERS:
        raise ValueError(f"no handler for job kind {kind!r}")
    job = Job.objects.create(kind=kind, company=company, created_by=user, params=params or {})
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def _claim(job_id: int) -> Job | None:
    """Mark the job running, unless another worker has it or it is finished."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.JOB_STALE_SECONDS)
    claimable = Q(status=Job.Status.QUEUED) | Q(status=Job.Status.RUNNING, heartbeat_at__lt=stale)
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(claimable, pk=job_id).first()
        if job is None:
            return None
        job.status = Job.Status.RUNNING
        job.attempts += 1
        job.started_at = job.started_at or now
        job.heartbeat_at = now
        job.save(update_fields=["status", "attempts", "started_at", "heartbeat_at"])
    return job


def _progress_reporter(job: Job) -> Progress:
    def report(done: int, total: int | None = None) -> None:
        # A tiny write of its own, between the handler's batches, so a page polling the job
        # sees progress and the heartbeat proves the worker is alive.
        fields = {"progress_done": done, "heartbeat_at": timezone.now()}
        if total is not None:
            fields["progress_total"] = total
        Job.objects.filter(pk=job.pk).update(**fields)

    return report


@task()
def run_job(job_id: int) -> str:
    job = _claim(job_id)
    if job is None:
        return "skipped"
    try:
        result = HANDLERS[job.kind](job, _progress_reporter(job))
    except Exception as exc:
        log.exception("Job %s failed", job_id)
        Job.objects.filter(pk=job_id).update(
            status=Job.Status.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        return "failed"
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.SUCCEEDED,
        result=result or {},
        finished_at=timezone.now(),
        heartbeat_at=timezone.now(),
    )
    return "succeeded"


def recover_stale_jobs() -> int:
    """Queue again the jobs whose worker went silent; fail those out of attempts."""
    stale = timezone.now() - timedelta(seconds=settings.JOB_STALE_SECONDS)
    recovered = 0
    for job in Job.objects.filter(status=Job.Status.RUNNING, heartbeat_at__lt=stale):
        if job.attempts >= MAX_ATTEMPTS:
            Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
                status=Job.Status.FAILED,
                finished_at=timezone.now(),
                error=f"The worker stopped {job.attempts} times while running this job.",
            )
            continue
        log.warning("Job %s went silent; queueing it again", job.pk)
        run_job.enqueue(job.pk)
        recovered += 1
    return recovered


def recover_stale_tasks() -> int:
    """Put back in the queue the plain tasks (emails, webhooks, timers) whose worker died.

    django-tasks marks a task RUNNING when a worker claims it and has no heartbeat, so a task
    whose worker was killed would stay RUNNING for ever. These tasks are short (an email, one
    HTTP request with a timeout) and written to be run again safely, so one still RUNNING after
    TASK_STALE_SECONDS has lost its worker. Jobs (`run_job`) have their own heartbeat recovery.
    """
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    stale = timezone.now() - timedelta(seconds=settings.TASK_STALE_SECONDS)
    stuck = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=stale).exclude(
        task_path=run_job.module_path
    )
    recovered = stuck.update(status=TaskResultStatus.READY, started_at=None)
    if recovered:
        log.warning("Queued again %s background task(s) whose worker stopped", recovered)
    return recovered
