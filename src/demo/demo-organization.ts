import type { Role } from '../platform/auth/roles';
import type { UnitSettings } from '../platform/settings/settings-schemas';

// Northwind Utilities: a believable mid-sized company whose training unit
// ("Learning & Performance") runs Stride. Names span several languages on purpose.
export const demoUnit: UnitSettings = {
  organizationName: 'Northwind Utilities',
  unitName: 'Learning & Performance',
  contactEmail: 'learning@northwind.example',
  contactPhone: '+1 617 555 0142',
  location: 'Building C, 2nd floor, 100 Harbor Street, Boston',
  officeHours: 'Monday to Friday, 8:30–17:00 Eastern',
  timeZone: 'America/New_York',
};

export const demoUnits = [
  { code: 'EXEC', name: 'Executive Office' },
  { code: 'CC', name: 'Customer Care' },
  { code: 'FO', name: 'Field Operations' },
  { code: 'GRID', name: 'Grid Engineering' },
  { code: 'FIN', name: 'Finance' },
  { code: 'HR', name: 'People & Culture' },
  { code: 'LP', name: 'Learning & Performance' },
];

export type DemoPerson = {
  employeeId: string;
  name: string;
  email: string;
  jobTitle: string;
  unit: string;
  manager: string | null;
  timeZone: string;
  locale: string;
  roles?: Role[];
  /** People with a demo sign-in printed at start. */
  signIn?: string;
};

const ET = 'America/New_York';
const CT = 'America/Chicago';
const LIS = 'Europe/Lisbon';

// Leaders and managers first; teams are generated below from name lists.
const core: DemoPerson[] = [
  { employeeId: 'N0001', name: 'Margaret Okafor', email: 'margaret.okafor@northwind.example', jobTitle: 'Chief Executive Officer', unit: 'EXEC', manager: null, timeZone: ET, locale: 'en', roles: ['leader'], signIn: 'Leader' },
  { employeeId: 'N0002', name: 'Daniel Ferreira', email: 'daniel.ferreira@northwind.example', jobTitle: 'Chief Operating Officer', unit: 'EXEC', manager: 'N0001', timeZone: ET, locale: 'en', roles: ['leader'] },
  { employeeId: 'N0003', name: 'Priya Raman', email: 'priya.raman@northwind.example', jobTitle: 'Chief People Officer', unit: 'HR', manager: 'N0001', timeZone: ET, locale: 'en', roles: ['leader'] },
  { employeeId: 'N0004', name: 'Tomás Álvarez', email: 'tomas.alvarez@northwind.example', jobTitle: 'Chief Financial Officer', unit: 'FIN', manager: 'N0001', timeZone: ET, locale: 'es' },
  { employeeId: 'N0010', name: 'Grace Liu', email: 'grace.liu@northwind.example', jobTitle: 'Head of Learning & Performance', unit: 'LP', manager: 'N0003', timeZone: ET, locale: 'en', roles: ['unit_lead'], signIn: 'Unit lead' },
  { employeeId: 'N0011', name: 'Samuel Mensah', email: 'samuel.mensah@northwind.example', jobTitle: 'Training Coordinator', unit: 'LP', manager: 'N0010', timeZone: ET, locale: 'en', roles: ['coordinator'], signIn: 'Coordinator' },
  { employeeId: 'N0012', name: 'Inés Castillo', email: 'ines.castillo@northwind.example', jobTitle: 'Performance Consultant', unit: 'LP', manager: 'N0010', timeZone: ET, locale: 'es', roles: ['consultant'], signIn: 'Consultant' },
  { employeeId: 'N0013', name: 'Oliver Brandt', email: 'oliver.brandt@northwind.example', jobTitle: 'Instructional Designer', unit: 'LP', manager: 'N0010', timeZone: ET, locale: 'de', roles: ['consultant'] },
  { employeeId: 'N0014', name: 'Fatima Zahra Benali', email: 'fatima.benali@northwind.example', jobTitle: 'Senior Instructor', unit: 'LP', manager: 'N0010', timeZone: ET, locale: 'fr', roles: ['instructor'], signIn: 'Instructor' },
  { employeeId: 'N0015', name: 'Kenji Watanabe', email: 'kenji.watanabe@northwind.example', jobTitle: 'Learning Systems Administrator', unit: 'LP', manager: 'N0010', timeZone: ET, locale: 'en', roles: ['admin'], signIn: 'Admin' },
  { employeeId: 'N0020', name: 'Rebecca Thompson', email: 'rebecca.thompson@northwind.example', jobTitle: 'Director, Customer Care', unit: 'CC', manager: 'N0002', timeZone: CT, locale: 'en', roles: ['partner'] },
  { employeeId: 'N0021', name: 'Marcus Johnson', email: 'marcus.johnson@northwind.example', jobTitle: 'Call Centre Team Manager', unit: 'CC', manager: 'N0020', timeZone: CT, locale: 'en', signIn: 'Supervisor' },
  { employeeId: 'N0022', name: 'Ana Paula Souza', email: 'ana.souza@northwind.example', jobTitle: 'Call Centre Team Manager', unit: 'CC', manager: 'N0020', timeZone: LIS, locale: 'pt-PT' },
  { employeeId: 'N0030', name: 'Robert Nguyen', email: 'robert.nguyen@northwind.example', jobTitle: 'Director, Field Operations', unit: 'FO', manager: 'N0002', timeZone: ET, locale: 'en' },
  { employeeId: 'N0031', name: 'Ewa Kowalska', email: 'ewa.kowalska@northwind.example', jobTitle: 'Field Supervisor, North', unit: 'FO', manager: 'N0030', timeZone: ET, locale: 'pl' },
  { employeeId: 'N0032', name: 'Carlos Mendoza', email: 'carlos.mendoza@northwind.example', jobTitle: 'Field Supervisor, South', unit: 'FO', manager: 'N0030', timeZone: CT, locale: 'es' },
  { employeeId: 'N0040', name: 'Helen Park', email: 'helen.park@northwind.example', jobTitle: 'Director, Grid Engineering', unit: 'GRID', manager: 'N0002', timeZone: ET, locale: 'en', roles: ['partner'] },
  { employeeId: 'N0041', name: 'Dmitri Volkov', email: 'dmitri.volkov@northwind.example', jobTitle: 'Principal Engineer', unit: 'GRID', manager: 'N0040', timeZone: ET, locale: 'en' },
  { employeeId: 'N0050', name: 'Chloé Martin', email: 'chloe.martin@northwind.example', jobTitle: 'Finance Manager', unit: 'FIN', manager: 'N0004', timeZone: ET, locale: 'fr' },
  { employeeId: 'N0060', name: 'Aisha Bello', email: 'aisha.bello@northwind.example', jobTitle: 'HR Business Partner', unit: 'HR', manager: 'N0003', timeZone: ET, locale: 'en' },
];

const teams: { manager: string; unit: string; title: string; timeZone: string; names: string[] }[] = [
  { manager: 'N0021', unit: 'CC', title: 'Customer Service Agent', timeZone: CT, names: ['Jasmine Carter', 'Luis Ortega', 'Mei Chen', 'Tyrone Wallace', 'Sofia Rossi', 'Hannah Becker', 'Omar Haddad', 'Lily Evans', 'Noah Kim', 'Zoë Dubois', 'Ibrahim Musa', 'Emily Clarke'] },
  { manager: 'N0022', unit: 'CC', title: 'Customer Service Agent', timeZone: LIS, names: ['João Pereira', 'Beatriz Lima', 'Rui Costa', 'Mariana Santos', 'Tiago Almeida', 'Inês Rodrigues', 'Pedro Gonçalves', 'Leonor Martins', 'Duarte Silva', 'Catarina Sousa'] },
  { manager: 'N0031', unit: 'FO', title: 'Field Technician', timeZone: ET, names: ['Jakub Nowak', 'Ryan O’Connor', 'Deshawn Brooks', 'Katarzyna Wiśniewska', 'Liam Murphy', 'Ahmed Farouk', 'Grace Adeyemi', 'Ethan Walsh', 'Mateo García', 'Olga Petrova'] },
  { manager: 'N0032', unit: 'FO', title: 'Field Technician', timeZone: CT, names: ['Diego Hernández', 'Brianna Scott', 'Kwame Asante', 'Valentina Cruz', 'Jordan Lee', 'Lucía Torres', 'Malik Robinson', 'Sara Lindqvist'] },
  { manager: 'N0041', unit: 'GRID', title: 'Grid Engineer', timeZone: ET, names: ['Arjun Mehta', 'Nora Jensen', 'Yusuf Demir', 'Claire Fontaine', 'Benjamin Cohen', 'Hana Yoshida', 'Felipe Ramos'] },
  { manager: 'N0050', unit: 'FIN', title: 'Financial Analyst', timeZone: ET, names: ['Laura Schmidt', 'Kofi Boateng', 'Isabelle Laurent', 'Michael O’Brien'] },
  { manager: 'N0060', unit: 'HR', title: 'HR Specialist', timeZone: ET, names: ['Nadia Rahman', 'Peter Novak', 'Amara Okoye'] },
];

function emailOf(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, '').toLowerCase();
  const parts = ascii.split(/\s+/);
  return `${parts[0]}.${parts[parts.length - 1]}@northwind.example`;
}

export function demoPeople(): DemoPerson[] {
  const generated: DemoPerson[] = [];
  let n = 100;
  for (const team of teams) {
    for (const name of team.names) {
      generated.push({
        employeeId: `N0${n++}`,
        name,
        email: emailOf(name),
        jobTitle: team.title,
        unit: team.unit,
        manager: team.manager,
        timeZone: team.timeZone,
        locale: team.timeZone === LIS ? 'pt-PT' : 'en',
        signIn: name === 'Jasmine Carter' ? 'Learner' : undefined,
      });
    }
  }
  return [...core, ...generated];
}

export const DEMO_PASSWORD = 'stride-demo-2026';
