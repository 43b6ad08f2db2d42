// The demo organisation `npm start` seeds: one organisation, three branches of the three kinds
// the app serves (a government office, a school, retired cadres) and 30 members. Fixed ids and
// invite codes so the README and the tests can name them.

import type { MemberCategory, Role } from '../../core/domain/org/roles';

export const DEMO_ORG = { id: 'org-demo', name: '示例市直机关党委' };

export const DEMO_BRANCHES = [
  { id: 'br-office', name: '机关第一党支部', inviteCode: 'JGZB01' },
  { id: 'br-school', name: '实验中学党支部', inviteCode: 'SYZX02' },
  { id: 'br-retired', name: '离退休干部党支部', inviteCode: 'LTGB03' },
] as const;

export interface DemoMember {
  id: string;
  name: string;
  branch: (typeof DEMO_BRANCHES)[number]['id'];
  role: Role;
  category: MemberCategory;
  phone: string | null;
  /** 领导班子成员, shown first. */
  leader: boolean;
  /** Bound members have an openid; the rest wait for someone to claim them with the invite code. */
  openid: string | null;
}

export interface DemoUser {
  key: string;
  label: string;
  openid: string;
}

/** The identities the H5 sign-in page offers (POST /api/dev/login with {"key": ...}). */
export const DEMO_USERS: DemoUser[] = [
  { key: 'member', label: '党员 王秀英（离退休干部党支部）', openid: 'demo-member' },
  { key: 'organiser', label: '支部管理员 李强（实验中学党支部）', openid: 'demo-organiser' },
  { key: 'admin', label: '单位管理员 张伟（示例市直机关党委）', openid: 'demo-admin' },
];

const NAMES: Record<DemoMember['branch'], string[]> = {
  'br-office': ['张伟', '刘洋', '陈静', '杨帆', '赵建国', '黄丽', '周明', '吴婷', '徐磊', '孙悦'],
  'br-school': ['李强', '马俊', '朱敏', '胡雪', '郭峰', '何琳', '高远', '林晓', '罗斌', '梁红'],
  'br-retired': ['王秀英', '宋德明', '郑桂兰', '谢国华', '韩淑珍', '唐志刚', '冯玉兰', '于长海', '董凤英', '程保国'],
};

function demoMembers(): DemoMember[] {
  const out: DemoMember[] = [];
  for (const branch of DEMO_BRANCHES) {
    NAMES[branch.id].forEach((name, i) => {
      const n = String(out.length + 1).padStart(2, '0');
      let role: Role = 'member';
      let openid: string | null = i < 6 ? `demo-m-${n}` : null; // 6 of 10 bound, 4 waiting to bind
      if (branch.id === 'br-office' && i === 0) [role, openid] = ['org_admin', 'demo-admin'];
      if (branch.id === 'br-school' && i === 0) [role, openid] = ['unit_organiser', 'demo-organiser'];
      if (branch.id === 'br-retired' && i === 1) role = 'unit_organiser';
      if (branch.id === 'br-retired' && i === 0) openid = 'demo-member';
      out.push({
        id: `demo-member-${n}`,
        name,
        branch: branch.id,
        role,
        category: i === 9 ? 'probationary' : 'full',
        phone: `1390000${n}${String(i).padStart(2, '0')}`,
        // The first two of each branch sit on its leadership (支部委员会).
        leader: i < 2,
        openid,
      });
    });
  }
  return out;
}

export const DEMO_MEMBERS: DemoMember[] = demoMembers();

export function resolveDemoKey(key: string): string | undefined {
  return DEMO_USERS.find((u) => u.key === key)?.openid;
}
