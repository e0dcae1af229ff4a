// Words the generated organization is made of. Course texts draw on TOPICS and SKILLS so the
// catalog-search scenario can search for words that really occur (and some that match many courses).

export const FIRST_NAMES = ['Ada', 'Bruno', 'Carla', 'Dmitri', 'Eva', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Keiko', 'Luis', 'Maya', 'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Amara', 'Bjorn', 'Chloe', 'Diego', 'Elif', 'Femi'];
export const LAST_NAMES = ['Almeida', 'Brooks', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lopes', 'Moreau', 'Nakamura', 'Okafor', 'Pereira', 'Quinn', 'Rossi', 'Santos', 'Tanaka', 'Ueda', 'Vargas', 'Weber', 'Xu', 'Yilmaz', 'Zimmer'];
export const JOB_TITLES = ['Analyst', 'Engineer', 'Technician', 'Customer adviser', 'Team lead', 'Planner', 'Field operator', 'Accountant', 'Specialist', 'Coordinator'];
export const UNIT_AREAS = ['Customer Service', 'Field Operations', 'Finance', 'Grid Planning', 'Human Resources', 'Metering', 'Procurement', 'Safety', 'Sales', 'Information Technology', 'Legal', 'Logistics', 'Marketing', 'Network Control', 'Billing', 'Facilities'];
export const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Coastal', 'Valley', 'Harbour', 'Highlands', 'Metro'];
export const TIME_ZONES = ['Europe/Lisbon', 'America/New_York', 'Europe/Berlin', 'America/Chicago', 'Asia/Singapore', 'UTC'];

export const TOPICS = ['negotiation', 'leadership', 'safety', 'billing', 'metering', 'compliance', 'coaching', 'excel', 'forecasting', 'procurement', 'complaints', 'onboarding', 'cybersecurity', 'privacy', 'budgeting', 'presentation', 'scheduling', 'inspection', 'maintenance', 'feedback', 'writing', 'analytics', 'contracts', 'wellbeing', 'diversity', 'planning', 'quality', 'sustainability', 'outage', 'service'];
export const LEVELS = ['Foundations of', 'Practical', 'Advanced', 'Everyday', 'Essentials of', 'Hands-on', 'Managing', 'Leading with'];
export const SKILLS = ['explain a decision to a customer', 'run a short team meeting', 'read a monthly report', 'spot a hazard before work starts', 'write a clear summary', 'handle an upset caller', 'plan a week of field visits', 'check a contract clause', 'give useful feedback', 'escalate a fault correctly', 'build a simple forecast', 'protect personal data'];
export const INTERESTS = ['Leadership', 'Safety', 'Customer service', 'Digital skills', 'Finance', 'Compliance', 'Communication', 'Data and analytics', 'Wellbeing', 'Technical operations', 'Project management', 'Sustainability'];
export const PLACES = ['Room 1.04', 'Training Centre A', 'Harbour Office, 3rd floor', 'Online', 'Learning Lab', 'Depot Hall'];
export const GOALS = ['Fewer outages', 'Customers served first time', 'A safe day, every day', 'Digital by default', 'Lower cost to serve'];
export const PROBLEMS = ['Too many repeat calls about bills', 'Field visits overrun their slots', 'New starters take months to be productive', 'Audit findings keep recurring', 'Reports arrive late every month', 'Customers complain about unclear letters'];
