import { Badge } from '@mantine/core';
import { IconBooks, IconDeviceLaptop, IconSchool, IconVideo } from '@tabler/icons-react';
import type { CourseFormat, CourseStatus } from '../catalog-values';
import { formatLabels, statusLabels } from './catalog-format';

const icons = { classroom: IconSchool, virtual: IconVideo, 'e-learning': IconDeviceLaptop, blended: IconBooks } as const;

export function FormatBadge({ format }: { format: CourseFormat }) {
  const Icon = icons[format];
  return (
    <Badge variant="light" color="teal" radius="sm" tt="none" fw={700} leftSection={<Icon size={14} aria-hidden />}>
      {formatLabels[format]}
    </Badge>
  );
}

/** Drafts and retired courses are marked wherever editors meet them; published ones need no badge. */
export function StatusBadge({ status }: { status: CourseStatus }) {
  if (status === 'published') return null;
  return (
    <Badge variant="outline" color={status === 'draft' ? 'orange' : 'gray'} c={status === 'draft' ? 'orange.9' : 'gray.8'} radius="sm" tt="none" fw={700}>
      {statusLabels[status]}
    </Badge>
  );
}
