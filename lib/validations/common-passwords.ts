/** A short list of the most-breached passwords, held lower-case so any capitalisation of one is refused too. */
export const commonPasswords = new Set(
  [
    '123456', '123456789', '12345678', 'password', 'qwerty123', 'qwerty1', '111111', '12345', 'secret',
    '123123', '1234567890', '1234567', '000000', 'qwerty', 'abc123', 'password1', 'iloveyou', 'dragon',
    'monkey', 'letmein', 'welcome', 'admin', 'admin123', 'administrator', 'passw0rd', 'p@ssw0rd', 'p@ssword',
    'changeme', 'changeme123', 'password123', 'password1234', 'welcome123', 'welcome1', 'qwertyuiop',
    'football', 'baseball', 'sunshine', 'princess', 'trustno1', 'superman', 'master', 'shadow', 'login',
    'starwars', 'whatever', 'hello123', 'freedom', 'letmein123', 'zaq12wsx', '1q2w3e4r', '1q2w3e4r5t',
    '1qaz2wsx', 'q1w2e3r4', 'asdfghjkl', 'asdf1234', 'qazwsx', 'postgres', 'postgres123', 'root', 'toor',
    'default', 'guest', 'test1234', 'testtest', 'summer2024', 'winter2024', 'spring2025', 'autumn2025',
    'correcthorsebatterystaple', 'administrator1', 'adminadmin', 'posture', 'posture123', 'security',
    'security123', 'database', 'database123', 'changeit', 'Password1!', 'Password123!', 'Welcome1!',
    // Breached passwords that pass the 12-character minimum: length alone does not make these safe.
    'password12345', 'password123456', 'password1234567', 'passwordpassword', 'qwertyuiop123', 'qwerty123456',
    'qwertyuiopasdfghjkl', '123456789012', '1234567890123', '12345678901234', '123123123123', '111111111111',
    '000000000000', 'iloveyou1234', 'letmeinletmein', 'welcomewelcome', 'changemechangeme', 'administrator123',
    'adminadminadmin', 'superadministrator', 'masterpassword', 'postgrespostgres', 'mypassword123', 'thisismypassword',
    'passw0rd1234', 'p@ssw0rd1234', 'Password1234!', 'Welcome12345!', 'Summer2024!!', 'Winter2025!!',
  ].map((p) => p.toLowerCase()),
);
