import { AppShell, Burger, Container, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { BrandMark } from '../components/brand-mark';
import { ContactFooter } from '../components/contact-footer';
import { TableSkeleton } from '../components/table-skeleton';
import { useUnit } from '../hooks/use-unit';
import { AppNavbar } from './app-navbar';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

/** The signed-in frame: header with the brand and account menu, role-aware navigation, the page, the contact footer. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const unit = useUnit();
  useEffect(() => close(), [pathname, close]);

  return (
    <>
      <SkipLink />
      <AppShell header={{ height: 64 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Close navigation' : 'Open navigation'}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <BrandMark unitName={unit.data?.unitName} />
            </Group>
            <UserMenu />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="main-navigation" aria-label="Main navigation">
          <AppNavbar />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} style={{ minHeight: 'calc(100dvh - 7rem)' }} bg="white">
          <Container size="xl" px={{ base: 0, sm: 'md' }} pb="xl">
            <Suspense fallback={<TableSkeleton label="Loading page" />}>
              <Outlet />
            </Suspense>
          </Container>
        </AppShell.Main>
        <ContactFooter offsetForNavbar />
      </AppShell>
    </>
  );
}
