import { Anchor, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useActor } from '../../app/web/hooks/use-session';
import { useCourse } from './catalog-api';
import { CourseForm } from './course-form';
import { blankCourse, valuesFromCourse, type CourseFormValues } from './course-form-values';
import { CourseNotFound } from './course-not-found';

function FormSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="lg" role="status" aria-label={label}>
      <Skeleton height={260} radius="md" />
      <Skeleton height={420} radius="md" />
      <Skeleton height={200} radius="md" />
    </Stack>
  );
}

/** CA-1: a coordinator adds a course; it starts as a draft (revision 1) that only editors see. */
export function NewCoursePage() {
  const actor = useActor();
  const [initial] = useState(() => blankCourse(actor.id));
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to="/catalog" size="sm">
            <span aria-hidden>‹ </span>Catalog
          </Anchor>
        }
        title="New course"
        description="Write the listing people will read: what the course does for them, its objectives, who it is for and whom to ask. It is saved as a draft; publish it when it is ready."
      />
      <CourseForm initial={initial} contactName={actor.name} />
    </>
  );
}

/** CA-1: edit a course; the save is its next revision, refused if someone saved in between (409). */
export function EditCoursePage() {
  const { id } = useParams();
  const course = useCourse(id);
  // A reload after a conflict starts the form again from the latest revision, keeping what was typed aside.
  const [generation, setGeneration] = useState(0);
  const [typedBefore, setTypedBefore] = useState<CourseFormValues | null>(null);
  const [loadingLatest, setLoadingLatest] = useState(false);

  const loadLatest = async (typed: CourseFormValues) => {
    setLoadingLatest(true);
    try {
      const latest = await course.refetch();
      if (latest.isSuccess) {
        setTypedBefore(typed);
        setGeneration((g) => g + 1);
      }
    } finally {
      setLoadingLatest(false);
    }
  };

  const back = (
    <Anchor component={Link} to={id ? `/catalog/courses/${id}` : '/catalog'} size="sm">
      <span aria-hidden>‹ </span>Back to the course
    </Anchor>
  );

  if (course.isPending) {
    return (
      <>
        <PageHeader above={back} title="Edit the course" />
        <FormSkeleton label="Loading the course to edit" />
      </>
    );
  }
  const c = course.data;
  if (!c) return <CourseNotFound error={course.error} />;
  return (
    <>
      <PageHeader
        above={back}
        title={`Edit ${c.title}`}
        description={`${c.code} · revision ${c.revision}. Saving makes revision ${c.revision + 1}; the history keeps every earlier one.`}
      />
      <CourseForm
        key={generation}
        initial={valuesFromCourse(c)}
        course={c}
        contactName={c.contact.name}
        onLoadLatest={(typed) => void loadLatest(typed)}
        loadingLatest={loadingLatest}
        typedBefore={typedBefore}
      />
      {course.isRefetchError && <ErrorAlert error={course.error} title="The latest revision cannot be loaded" />}
    </>
  );
}
